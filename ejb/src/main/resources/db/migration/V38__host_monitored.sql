-- A host monitoring reported on is marked so, in the transaction of the first alert that names it: that update locks
-- the host's row on every database, so an agent's delete of a host added by hand (allowed until monitoring reports on
-- it) and the first alert about it come one after the other, and an alert never names a host that is gone
ALTER TABLE host ADD COLUMN monitored BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE host SET monitored = TRUE
    WHERE EXISTS (SELECT 1 FROM alert a WHERE a.host_id = host.id)
       OR EXISTS (SELECT 1 FROM alert_event e WHERE e.host_id = host.id);
