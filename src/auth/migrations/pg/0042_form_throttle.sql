-- The throttle of public forms (issues 17, 18, 19). PostgreSQL twin of
-- ../0042_form_throttle.sql.
ALTER TABLE login_failure ADD COLUMN scope TEXT NOT NULL DEFAULT 'login';
CREATE INDEX login_failure_scope ON login_failure(scope, addr, at);
