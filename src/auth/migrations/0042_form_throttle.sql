-- The throttle of public forms (sign-ups, registrations, survey answers;
-- issues 17, 18, 19) reuses the login throttle's record (0009): a row of
-- scope 'form' is one accepted submission from addr to the target named
-- in login (a path such as /szkolenia/12/zapis), throttled = 1 one that
-- was refused; the login's rows are scope 'login'. Each scope prunes its
-- own rows by its own window. In the ops range with its code in auth, as
-- the outbox (0041).
ALTER TABLE login_failure ADD COLUMN scope TEXT NOT NULL DEFAULT 'login';
CREATE INDEX login_failure_scope ON login_failure(scope, addr, at);
