-- a queue's signature under its agents' public replies (Zammad's per group, Znuny's per queue); null: none
ALTER TABLE queue ADD COLUMN signature VARCHAR(2000);
