-- tags on tickets (Zammad's tags): free words agents give a ticket to find and count it by (vpn, billing, p1-review)
CREATE TABLE ticket_tag (
    ticket_number BIGINT      NOT NULL REFERENCES ticket (number),
    tag           VARCHAR(64) NOT NULL,
    PRIMARY KEY (ticket_number, tag)
);
CREATE INDEX ticket_tag_tag_ix ON ticket_tag (tag);
