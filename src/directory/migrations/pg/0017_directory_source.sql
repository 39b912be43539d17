-- Services directory (issue 15): where an institution's data comes from and
-- whether it needs a look, as in the SQLite migration of the same number.
ALTER TABLE dir_org ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE dir_org ADD COLUMN verify TEXT NOT NULL DEFAULT '';
