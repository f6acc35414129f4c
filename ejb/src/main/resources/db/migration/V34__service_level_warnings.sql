-- a warning ahead of a breach (Znuny's "notify by", Zammad's escalation warning): a queue's service level names the
-- share of a target's time after which its tickets warn; each ticket keeps when, and whether it was told (once)
ALTER TABLE ticket ADD COLUMN response_warn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN resolution_warn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN response_warned BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ticket ADD COLUMN resolution_warned BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ticket_response_warn ON ticket (response_warn_at);
CREATE INDEX ticket_resolution_warn ON ticket (resolution_warn_at);
