-- Services directory: a stable UUID for every institution and service, the
-- identifier of the Open Referral HSDS 3.0 export and API (issue 20). It is
-- kept across exports and imports (the directory CSV carries it), so a
-- consumer of the HSDS data can follow a record from one export to the next.
-- New rows get theirs from the program's random source (core/random.c);
-- rows that exist before this migration get a random version 4 UUID here.
ALTER TABLE dir_org ADD COLUMN uuid TEXT;
ALTER TABLE dir_service ADD COLUMN uuid TEXT;
UPDATE dir_org SET uuid = lower(hex(randomblob(4))) || '-'
    || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + abs(random()) % 4, 1)
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || lower(hex(randomblob(6)));
UPDATE dir_service SET uuid = lower(hex(randomblob(4))) || '-'
    || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + abs(random()) % 4, 1)
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX dir_org_uuid ON dir_org(uuid);
CREATE UNIQUE INDEX dir_service_uuid ON dir_service(uuid);
