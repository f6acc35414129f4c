-- V30 added first_response_at empty: tickets answered before it read as never answered, and a service level set on
-- their queue since escalated them as if nobody had replied. Filled in from their history: the first public reply of
-- an agent (on the ticket, or on a ticket merged into it, whose messages it holds), and for a ticket monitoring
-- opened the first time an agent took it on (not a trigger, whose history entries are the system's). Since V30 each of
-- these events set the column as it happened, so only tickets answered before it change.
UPDATE ticket SET first_response_at = (
    SELECT MIN(h.at) FROM ticket_history h
    WHERE (h.kind = 'REPLY_ADDED'
           AND (h.ticket_number = ticket.number
                OR h.ticket_number IN (SELECT s.number FROM ticket s WHERE s.merged_into = ticket.number)))
       OR (h.kind = 'OWNER' AND h.ticket_number = ticket.number AND ticket.opened_by_monitoring
           AND h.new_value IS NOT NULL AND h.actor <> 'system'))
WHERE first_response_at IS NULL;
