-- a queue's service level (first response and resolution targets per priority) and the hours its clock runs in
ALTER TABLE queue ADD COLUMN service_level VARCHAR(200);
ALTER TABLE queue ADD COLUMN business_hours VARCHAR(200);
-- a ticket's deadlines under it, when it was first answered, the business time it waited (pending, resolved)
-- and whether each breach was told (once)
ALTER TABLE ticket ADD COLUMN response_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN first_response_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN resolution_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN sla_paused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN sla_paused_seconds BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ticket ADD COLUMN response_escalated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ticket ADD COLUMN resolution_escalated BOOLEAN DEFAULT FALSE NOT NULL;
-- a ticket monitoring opened owes nobody a reply: an agent taking it (acknowledging the alert) is its first response
ALTER TABLE ticket ADD COLUMN opened_by_monitoring BOOLEAN DEFAULT FALSE NOT NULL;
-- (the tickets whose first message monitoring sent; not those that took in an alert's messages by a merge)
UPDATE ticket SET opened_by_monitoring = TRUE WHERE number IN (
    SELECT h.ticket_number FROM ticket_history h
    WHERE h.kind = 'INBOUND_ADDED' AND h.note = 'monitoring' AND h.ticket_number IN (SELECT ticket_number FROM alert)
      AND h.id = (SELECT MIN(f.id) FROM ticket_history f WHERE f.ticket_number = h.ticket_number
                  AND f.kind IN ('INBOUND_ADDED', 'REPLY_ADDED', 'COMMENT_ADDED')));
-- the clock of a ticket pending, resolved or closed stands since it last changed
UPDATE ticket SET sla_paused_at = COALESCE(resolved_at, updated_at) WHERE status NOT IN ('new', 'open');
CREATE INDEX ticket_response_due ON ticket (response_due_at);
CREATE INDEX ticket_resolution_due ON ticket (resolution_due_at);
