-- The outbox delivery failures page (issue 5 §3, G-07): who may see the messages that could not go out (dead or
-- being retried) and send a dead one again. The province administrator; other roles only by an explicit grant on
-- the role.manage page.
INSERT INTO role_permission (role_code, permission) VALUES ('provinceAdmin', 'outbox.manage');

-- The page lists only failures, newest first: a small partial index instead of a scan of every message ever sent.
CREATE INDEX outbox_message_failure_idx ON outbox_message (created_at DESC, id DESC) WHERE status = 'dead' OR (status = 'pending' AND attempts > 0);
