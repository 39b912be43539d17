-- Attachments of good practices (issue 19): PDF, PNG or JPEG by content,
-- public with their practice once it is accepted.
CREATE TABLE practice_file (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practice(id),
    filename    TEXT NOT NULL,
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    data        BLOB NOT NULL
);
CREATE INDEX practice_file_practice ON practice_file(practice_id);
