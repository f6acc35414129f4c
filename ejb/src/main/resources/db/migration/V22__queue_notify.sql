-- who hears of each new ticket in a queue (a team's list, an on-call address), as RT's queue AdminCc on create
ALTER TABLE queue ADD COLUMN notify_addresses VARCHAR(2000);
