-- Queries that read whole tables once these grow (found by reading every query against the schema; on PostgreSQL
-- without fresh statistics the planner also walked primary keys backwards for an ORDER BY ... LIMIT)

-- the queue view's default order (last change first) and its poll for changes every 4 s
CREATE INDEX ticket_queue_updated_ix ON ticket (queue_id, updated_at, number);

-- the dashboard: open tickets by status, tickets created and resolved in the last days
CREATE INDEX ticket_status_ix ON ticket (status, merged_into);
CREATE INDEX ticket_created_ix ON ticket (created_at);
CREATE INDEX ticket_resolved_ix ON ticket (resolved_at);

-- the agent list of every queue and ticket page: person grows with every customer who writes in
CREATE INDEX person_kind_login_ix ON person (kind, login);

-- a ticket's messages and mails in id order (the References of every outbound mail, the timeline); the
-- single-column indexes stay: H2 took them for the foreign keys
CREATE INDEX ticket_message_ticket_id_ix ON ticket_message (ticket_number, id);
CREATE INDEX outbound_mail_ticket_id_ix ON outbound_mail (ticket_number, id);

-- a customer's tickets (the requester filter), newest first
CREATE INDEX ticket_requester_person_ticket_ix ON ticket_requester (person_id, ticket_number);
