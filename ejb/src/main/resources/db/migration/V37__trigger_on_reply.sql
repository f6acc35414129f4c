-- a trigger runs as a ticket is created (as every trigger did before), as a customer's mail lands on a ticket, or both
ALTER TABLE ticket_trigger ADD COLUMN on_create BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE ticket_trigger ADD COLUMN on_reply BOOLEAN DEFAULT FALSE NOT NULL;
