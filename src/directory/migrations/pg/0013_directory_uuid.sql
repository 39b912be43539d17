-- Services directory: a stable UUID for every institution and service, as
-- in the SQLite migration of the same number (the HSDS 3.0 identifier).
-- Rows that exist before this migration get a random version 4 UUID here.
ALTER TABLE dir_org ADD COLUMN uuid TEXT;
ALTER TABLE dir_service ADD COLUMN uuid TEXT;
UPDATE dir_org SET uuid = gen_random_uuid()::text;
UPDATE dir_service SET uuid = gen_random_uuid()::text;
CREATE UNIQUE INDEX dir_org_uuid ON dir_org(uuid);
CREATE UNIQUE INDEX dir_service_uuid ON dir_service(uuid);
