-- A message read from a mail names the stored mail it came as: agents download the original (every header, every
-- part, as it arrived), and one stored mail makes one message at most, whatever two racing deliveries of it believe
ALTER TABLE ticket_message ADD COLUMN inbound_mail_id BIGINT;
-- the unique index first: the foreign key then uses it (H2 would otherwise add an index of its own)
CREATE UNIQUE INDEX ticket_message_inbound_uq ON ticket_message (inbound_mail_id);
ALTER TABLE ticket_message ADD CONSTRAINT ticket_message_inbound_fk FOREIGN KEY (inbound_mail_id)
    REFERENCES inbound_mail (id);

-- messages received before: linked where one stored mail and one message of its ticket share the Message-ID (a
-- message since merged into another ticket, or an id that two different mails reused, stays unlinked); the index
-- serves this look-up only, and rows without a stored mail of their id are not rewritten
CREATE INDEX inbound_mail_message_id_tmp_ix ON inbound_mail (message_id);
UPDATE ticket_message SET inbound_mail_id = (
        SELECT MIN(im.id) FROM inbound_mail im
        WHERE im.message_id = ticket_message.rfc_message_id AND im.ticket_number = ticket_message.ticket_number
          AND im.state = 'DELIVERED' AND im.disposition IN ('CREATED', 'APPENDED')
        HAVING COUNT(*) = 1)
    WHERE kind IN ('INBOUND', 'COMMENT') AND rfc_message_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM inbound_mail im
                  WHERE im.message_id = ticket_message.rfc_message_id
                    AND im.ticket_number = ticket_message.ticket_number)
      AND (SELECT COUNT(*) FROM ticket_message other
           WHERE other.rfc_message_id = ticket_message.rfc_message_id
             AND other.ticket_number = ticket_message.ticket_number) = 1;
DROP INDEX inbound_mail_message_id_tmp_ix;
