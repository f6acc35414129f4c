-- The limits on automatic mail count a recipient's mail of the last hour: without an index on the time, each
-- autoreply and notification read the whole outbox history
CREATE INDEX outbound_mail_created_ix ON outbound_mail (created_at);
