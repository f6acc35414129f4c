-- A ticket's Cc list has no limit (customers write to many at once, merges add requesters), and every reply goes to
-- all of them: with 4,000 characters for the joined addresses, a ticket with some 120 addresses in copy could no
-- longer be answered at all (the outbox insert failed). Same unbounded VARCHAR as the mail's text.
ALTER TABLE outbound_mail ALTER COLUMN to_addresses SET DATA TYPE VARCHAR;
ALTER TABLE outbound_mail ALTER COLUMN cc_addresses SET DATA TYPE VARCHAR;
