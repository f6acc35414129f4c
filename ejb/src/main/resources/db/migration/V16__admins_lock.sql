-- 'admins': disabling or demoting an admin takes this lock and then checks that another active admin remains.
-- Two admins disabling each other at the same moment locked everyone out (no admin left to enable them, and the
-- start-up bootstrap saw admins, only disabled ones).
INSERT INTO app_lock (name) VALUES ('admins');
