-- Plan files uploaded on the web, held between the check the user sees and
-- the import they confirm. Removed on import or cancel; stale ones (a day)
-- are swept on the next upload.
CREATE TABLE plan_upload (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    region     TEXT NOT NULL REFERENCES region(woj),
    name       TEXT NOT NULL,
    data       BLOB NOT NULL,
    created_at INTEGER NOT NULL         -- unix seconds
);
