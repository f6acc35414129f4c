-- When the monitoring says a notification's event happened (Nagios's TIMET, Alertmanager's startsAt/endsAt, the time
-- in a Nagios or Icinga mail), beside when it arrived. Notifications arrive out of order (a retried webhook, a slow
-- mail): a problem older than the last recovery reported of its key is stale and must not open a ticket that nothing
-- will close, and a recovery older than the open alert's latest problem must not resolve the episode that followed.
ALTER TABLE alert ADD COLUMN problem_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert ADD COLUMN recovered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_event ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_event ADD COLUMN recovers BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX alert_event_recovery_ix ON alert_event (alert_key, source_name, recovers, reported_at);
