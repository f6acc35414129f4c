-- A queue's own autoreply text (null: the default text of AutoreplyTemplate)
ALTER TABLE queue ADD COLUMN autoreply_template VARCHAR(5000);
