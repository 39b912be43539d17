-- Services directory (issue 15): where an institution's data comes from and
-- whether it needs a look. source names the public list a row was imported
-- from (publisher, file, date); verify, when not empty, says what to check
-- ("do weryfikacji" rows of a source list) and marks the row on its pages.
ALTER TABLE dir_org ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE dir_org ADD COLUMN verify TEXT NOT NULL DEFAULT '';
