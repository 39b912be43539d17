-- Services directory: a version of the whole directory, for the in-memory
-- search index that every server process keeps (dir_index.c). Every write
-- to a table the index is built from changes v, by these triggers, so a
-- change made by any path (the forms, the import, the demo loader, the
-- sqlite3 shell) is seen by the next search. v is a random number rather
-- than a counter: two databases (or a rolled-back write followed by
-- another) never share a version by accident.
CREATE TABLE dir_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    v  INTEGER NOT NULL
);
INSERT INTO dir_version(id, v) VALUES (1, random());

CREATE TRIGGER dir_version_org_i AFTER INSERT ON dir_org
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_org_u AFTER UPDATE ON dir_org
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_org_d AFTER DELETE ON dir_org
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_service_i AFTER INSERT ON dir_service
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_service_u AFTER UPDATE ON dir_service
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_service_d AFTER DELETE ON dir_service
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_target_i AFTER INSERT ON dir_service_target
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_target_d AFTER DELETE ON dir_service_target
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_area_i AFTER INSERT ON dir_area
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_area_d AFTER DELETE ON dir_area
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_category_u AFTER UPDATE ON dir_category
BEGIN UPDATE dir_version SET v = random(); END;
CREATE TRIGGER dir_version_tgt_u AFTER UPDATE ON dir_target
BEGIN UPDATE dir_version SET v = random(); END;
