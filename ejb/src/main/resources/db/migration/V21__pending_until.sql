-- a pending ticket may wait until a time (Zammad's pending reminder): then it opens again by itself
ALTER TABLE ticket ADD COLUMN pending_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX ticket_pending_until_ix ON ticket (pending_until);
