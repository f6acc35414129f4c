-- Queue views sorted by priority at 100,000 tickets: the sort by a CASE over the priority's name could use no
-- index (50 ms of sorting per page on PostgreSQL). The rank is the priority's order (LOW 0 .. URGENT 3), kept by the
-- entity; an index per queue in that order lets a page stop after its 50 rows.
ALTER TABLE ticket ADD COLUMN priority_rank SMALLINT;
UPDATE ticket SET priority_rank = CASE priority WHEN 'LOW' THEN 0 WHEN 'NORMAL' THEN 1 WHEN 'HIGH' THEN 2 ELSE 3 END;
ALTER TABLE ticket ALTER COLUMN priority_rank SET NOT NULL;
CREATE INDEX ticket_queue_rank_ix ON ticket (queue_id, priority_rank, number);
-- "Unowned" lists, newest change first, without sorting every unowned ticket
CREATE INDEX ticket_unowned_updated_ix ON ticket (owner_id, updated_at, number);
-- A queue view counts its tickets (60,000 active ones in one queue at 100,000): with merged_into in the index the
-- count is answered from the index alone
DROP INDEX ticket_queue_status_ix;
CREATE INDEX ticket_queue_status_ix ON ticket (queue_id, status, merged_into, number);
