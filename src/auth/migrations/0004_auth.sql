-- Accounts, sessions, login throttling and the append-only audit log
-- (issue 4).
CREATE TABLE account (
    id         INTEGER PRIMARY KEY,
    login      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    pass_hash  TEXT NOT NULL,           -- argon2id string (libsodium)
    role       TEXT NOT NULL CHECK (role IN ('administrator', 'coordinator',
                   'implementer', 'consultant', 'analyst', 'grantee')),
    region     TEXT REFERENCES region(woj), -- NULL: every region (administrators)
    disabled   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Implementing units an implementer or grantee acts for.
CREATE TABLE account_unit (
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    unit       TEXT NOT NULL,
    PRIMARY KEY (account_id, unit)
);

-- The cookie holds a random 256-bit token; only its hash is stored.
CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    created_at INTEGER NOT NULL,        -- unix seconds
    seen_at    INTEGER NOT NULL
);
CREATE INDEX session_account ON session(account_id);

-- Failed logins, for throttling per account and per address.
CREATE TABLE login_failure (
    id    INTEGER PRIMARY KEY,
    login TEXT NOT NULL COLLATE NOCASE,
    addr  TEXT NOT NULL,
    at    INTEGER NOT NULL              -- unix seconds
);
CREATE INDEX login_failure_login ON login_failure(login, at);
CREATE INDEX login_failure_addr ON login_failure(addr, at);

-- Every change of data, every login, failed login and sensitive export.
-- Append-only: the triggers refuse UPDATE and DELETE.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    account   TEXT,                     -- login, NULL for the public or CLI
    via       TEXT NOT NULL,            -- 'web', 'api', 'cli'
    addr      TEXT,                     -- client address (web)
    action    TEXT NOT NULL,            -- 'login', 'plan.import', ...
    entity    TEXT,                     -- 'plan', 'account', ...
    entity_id TEXT,
    before    TEXT,                     -- JSON or NULL
    after     TEXT                      -- JSON or NULL
);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_action ON audit(action, at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit is append-only');
END;

-- Plans the public may read.
ALTER TABLE plan ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
