-- The senders whose monitoring mail a source takes as alerts (addresses, or @domain for a whole domain; none: any
-- sender, as before). Webhooks prove themselves with the source's secret; mail had nothing, so anyone who could write
-- to the intake address could resolve an alert with a copy of a recovery mail.
ALTER TABLE alert_source ADD COLUMN mail_senders VARCHAR(2000);
