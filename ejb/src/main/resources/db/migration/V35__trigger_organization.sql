-- a trigger's condition may name an organization: a requester of the new ticket is one of its customers
ALTER TABLE ticket_trigger ADD COLUMN if_organization_id BIGINT REFERENCES organization (id);
