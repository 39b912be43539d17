-- PostgreSQL twin of ../0009_login_throttle.sql.
-- Login throttling by back-off instead of lock-out (issue 11): failures
-- are counted per login and address, throttled attempts are recorded too
-- (kind 1) so that their audit rows can be aggregated, and old rows are
-- pruned by time.
ALTER TABLE login_failure ADD COLUMN throttled BIGINT NOT NULL DEFAULT 0;
CREATE INDEX login_failure_pair ON login_failure(login, addr, at);
CREATE INDEX login_failure_at ON login_failure(at);
