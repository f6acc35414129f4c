-- The Content-ID of an inline part (<img src="cid:...">), so that a mail's HTML shows its own images
ALTER TABLE attachment ADD COLUMN content_id VARCHAR(250);
