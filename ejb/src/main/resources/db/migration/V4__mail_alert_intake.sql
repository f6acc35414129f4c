-- A pipe or mailbox can be an alert source's intake: its Nagios/Icinga notification mails become alerts.
ALTER TABLE inbound_mail ADD COLUMN alert_source VARCHAR(64);
ALTER TABLE mailbox ADD COLUMN alert_source VARCHAR(64);
