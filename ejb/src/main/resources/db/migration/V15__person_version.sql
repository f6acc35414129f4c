-- A person is changed from several places (an admin disables an agent or withdraws the admin role, the agent
-- changes the password, a bounce marks the address, a mail names the customer): each wrote the whole row, so the
-- later of two overlapping changes undid the other (a disabled agent came back enabled). A version column makes
-- the later one fail and start again from the current row.
ALTER TABLE person ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
