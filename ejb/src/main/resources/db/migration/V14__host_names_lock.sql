-- One row per rule that unique constraints cannot state, locked (SELECT ... FOR UPDATE) by the transactions that
-- must not run at once. 'host-names': a host is one host whether monitoring names it web01 or web01.example.com,
-- and an alias is no other host's name or alias. Two alerts naming a new host both ways at the same moment made
-- two hosts; creating a host and changing aliases now wait for each other on this row.
CREATE TABLE app_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO app_lock (name) VALUES ('host-names');
