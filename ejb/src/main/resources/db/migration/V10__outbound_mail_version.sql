-- Claiming an outbound mail checks its version, so that two senders (two nodes) never both take it
ALTER TABLE outbound_mail ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
