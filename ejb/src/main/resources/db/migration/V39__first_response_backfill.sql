-- V30 added first_response_at empty: tickets answered before it read as never answered, and a service level set on
-- their queue since escalated them as if nobody had replied. Filled in from their history: the first public reply of
-- an agent, and for a ticket monitoring opened the first time an agent took it on (not a trigger, whose history entries
-- are the system's). Since V30 each of these events set the column as it happened, so only tickets answered before it
-- change. Each statement reads the history through its index, ticket by ticket.
UPDATE ticket SET first_response_at = (
    SELECT MIN(h.at) FROM ticket_history h
    WHERE h.ticket_number = ticket.number
      AND (h.kind = 'REPLY_ADDED'
           OR (h.kind = 'OWNER' AND ticket.opened_by_monitoring AND h.new_value IS NOT NULL AND h.actor <> 'system')))
WHERE first_response_at IS NULL
  AND number IN (SELECT h.ticket_number FROM ticket_history h WHERE h.kind IN ('REPLY_ADDED', 'OWNER'));
-- a ticket merged into another: the target holds its replies, and keeps the earlier first response of the two (as a
-- merge does); three times, for a ticket merged into one that was merged on in turn
UPDATE ticket SET first_response_at = (SELECT MIN(s.first_response_at) FROM ticket s WHERE s.merged_into = ticket.number)
WHERE EXISTS (SELECT 1 FROM ticket s WHERE s.merged_into = ticket.number AND s.first_response_at IS NOT NULL
              AND (ticket.first_response_at IS NULL OR s.first_response_at < ticket.first_response_at));
UPDATE ticket SET first_response_at = (SELECT MIN(s.first_response_at) FROM ticket s WHERE s.merged_into = ticket.number)
WHERE EXISTS (SELECT 1 FROM ticket s WHERE s.merged_into = ticket.number AND s.first_response_at IS NOT NULL
              AND (ticket.first_response_at IS NULL OR s.first_response_at < ticket.first_response_at));
UPDATE ticket SET first_response_at = (SELECT MIN(s.first_response_at) FROM ticket s WHERE s.merged_into = ticket.number)
WHERE EXISTS (SELECT 1 FROM ticket s WHERE s.merged_into = ticket.number AND s.first_response_at IS NOT NULL
              AND (ticket.first_response_at IS NULL OR s.first_response_at < ticket.first_response_at));
