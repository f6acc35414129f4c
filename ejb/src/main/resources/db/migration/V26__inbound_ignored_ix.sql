-- the mail the gateway ignored (blocked senders, loops, auto-replies to no ticket), newest first, for admins to look at
CREATE INDEX inbound_mail_disposition_ix ON inbound_mail (disposition, id);
