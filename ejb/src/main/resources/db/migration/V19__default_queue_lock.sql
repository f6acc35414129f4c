-- one default queue: two admins making two queues the default at once both cleared the others first and both
-- saved theirs (the queue table has no version); whoever chooses the default takes this lock first
INSERT INTO app_lock (name) VALUES ('default-queue');
