-- Services directory: a log of changed services for the in-memory search
-- index of every server process (dir_index.c). An index remembers the last
-- seq it has read; on the next search it reads the rows after it and reads
-- again only those services, instead of the whole directory. A row with no
-- service_id says that anything may have changed (a category or target
-- group renamed, an import replacing a region): read everything again.
-- The triggers write it on every path (the forms, the import, the demo
-- loader, the sqlite3 shell); deletes cascading from an institution fire
-- the service's trigger. dir_version.v no longer changes on every write: it
-- names the database, so an index is never taken for another database's.
DROP TRIGGER dir_version_org_i;
DROP TRIGGER dir_version_org_u;
DROP TRIGGER dir_version_org_d;
DROP TRIGGER dir_version_service_i;
DROP TRIGGER dir_version_service_u;
DROP TRIGGER dir_version_service_d;
DROP TRIGGER dir_version_target_i;
DROP TRIGGER dir_version_target_d;
DROP TRIGGER dir_version_area_i;
DROP TRIGGER dir_version_area_d;
DROP TRIGGER dir_version_category_u;
DROP TRIGGER dir_version_tgt_u;

-- AUTOINCREMENT: a seq is never used twice, even after pruning.
CREATE TABLE dir_change (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id INTEGER -- NULL: read the whole directory again
);

CREATE TRIGGER dir_change_service_i AFTER INSERT ON dir_service
BEGIN INSERT INTO dir_change(service_id) VALUES (NEW.id); END;
CREATE TRIGGER dir_change_service_u AFTER UPDATE ON dir_service
BEGIN
    INSERT INTO dir_change(service_id) VALUES (NEW.id);
    INSERT INTO dir_change(service_id) SELECT OLD.id WHERE OLD.id <> NEW.id;
END;
CREATE TRIGGER dir_change_service_d AFTER DELETE ON dir_service
BEGIN INSERT INTO dir_change(service_id) VALUES (OLD.id); END;
-- An institution's name, address and hours are part of its services' text.
CREATE TRIGGER dir_change_org_u AFTER UPDATE ON dir_org
BEGIN
    INSERT INTO dir_change(service_id)
        SELECT id FROM dir_service WHERE org_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER dir_change_target_i AFTER INSERT ON dir_service_target
BEGIN INSERT INTO dir_change(service_id) VALUES (NEW.service_id); END;
CREATE TRIGGER dir_change_target_d AFTER DELETE ON dir_service_target
BEGIN INSERT INTO dir_change(service_id) VALUES (OLD.service_id); END;
CREATE TRIGGER dir_change_area_i AFTER INSERT ON dir_area
BEGIN INSERT INTO dir_change(service_id) VALUES (NEW.service_id); END;
CREATE TRIGGER dir_change_area_d AFTER DELETE ON dir_area
BEGIN INSERT INTO dir_change(service_id) VALUES (OLD.service_id); END;
-- Names and order of the lists of the search form: rare, read everything.
CREATE TRIGGER dir_change_category_i AFTER INSERT ON dir_category
BEGIN INSERT INTO dir_change(service_id) VALUES (NULL); END;
CREATE TRIGGER dir_change_category_u AFTER UPDATE ON dir_category
BEGIN INSERT INTO dir_change(service_id) VALUES (NULL); END;
CREATE TRIGGER dir_change_category_d AFTER DELETE ON dir_category
BEGIN INSERT INTO dir_change(service_id) VALUES (NULL); END;
CREATE TRIGGER dir_change_tgt_i AFTER INSERT ON dir_target
BEGIN INSERT INTO dir_change(service_id) VALUES (NULL); END;
CREATE TRIGGER dir_change_tgt_u AFTER UPDATE ON dir_target
BEGIN INSERT INTO dir_change(service_id) VALUES (NULL); END;
CREATE TRIGGER dir_change_tgt_d AFTER DELETE ON dir_target
BEGIN INSERT INTO dir_change(service_id) VALUES (NULL); END;
-- Keep the last 50 000 rows (pruned every 1 000th): an index further
-- behind, which finds its position gone, reads the whole directory.
CREATE TRIGGER dir_change_prune AFTER INSERT ON dir_change
WHEN NEW.seq % 1000 = 0
BEGIN DELETE FROM dir_change WHERE seq <= NEW.seq - 50000; END;
