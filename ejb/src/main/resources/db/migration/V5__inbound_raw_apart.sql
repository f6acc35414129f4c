-- The raw bytes of inbound mail live in their own table: the row the pipeline locks and updates stays
-- small, and the bytes are read once, when the message is parsed.
CREATE TABLE inbound_mail_raw (
    mail_id BIGINT PRIMARY KEY REFERENCES inbound_mail (id) ON DELETE CASCADE,
    raw     BYTEA  NOT NULL
);
INSERT INTO inbound_mail_raw (mail_id, raw) SELECT id, raw FROM inbound_mail;
ALTER TABLE inbound_mail DROP COLUMN raw;
