-- an agent forwards a ticket's message to someone outside the ticket (a vendor, another team)
ALTER TABLE outbound_mail DROP CONSTRAINT outbound_mail_kind_ck;
ALTER TABLE outbound_mail ADD CONSTRAINT outbound_mail_kind_ck
    CHECK (kind IN ('REPLY', 'AUTOREPLY', 'NOTIFICATION', 'FORWARD'));
