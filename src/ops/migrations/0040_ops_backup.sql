-- Backups made by `rodzina backup` (issue 8): when, where, how big, and
-- who made them; the administrators' page shows the last one.
CREATE TABLE ops_backup (
    id         INTEGER PRIMARY KEY,
    made_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    file       TEXT NOT NULL,           -- absolute path of the copy
    bytes      INTEGER NOT NULL CHECK (bytes >= 0),
    schema_version INTEGER NOT NULL,
    account    TEXT                     -- operating-system user (CLI)
);
CREATE INDEX ops_backup_made_at ON ops_backup(made_at);
