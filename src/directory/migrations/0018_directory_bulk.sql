-- Bulk loads of the directory (issue 21): while a row of dir_bulk exists,
-- inside the transaction of a CSV import and never seen outside it, the
-- triggers of migration 0012 log no changed service: the import replaces a
-- whole region, and logs one "read everything" row (service_id NULL)
-- instead of one or two rows per service, area and target (and per
-- service of the region it deletes first). Otherwise the triggers of
-- migration 0012, unchanged.
CREATE TABLE dir_bulk (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER dir_change_service_i;
DROP TRIGGER dir_change_service_u;
DROP TRIGGER dir_change_service_d;
DROP TRIGGER dir_change_org_u;
DROP TRIGGER dir_change_target_i;
DROP TRIGGER dir_change_target_d;
DROP TRIGGER dir_change_area_i;
DROP TRIGGER dir_change_area_d;

CREATE TRIGGER dir_change_service_i AFTER INSERT ON dir_service
    WHEN NOT EXISTS (SELECT 1 FROM dir_bulk)
BEGIN INSERT INTO dir_change(service_id) VALUES (NEW.id); END;
CREATE TRIGGER dir_change_service_u AFTER UPDATE ON dir_service
    WHEN NOT EXISTS (SELECT 1 FROM dir_bulk)
BEGIN
    INSERT INTO dir_change(service_id) VALUES (NEW.id);
    INSERT INTO dir_change(service_id) SELECT OLD.id WHERE OLD.id <> NEW.id;
END;
CREATE TRIGGER dir_change_service_d AFTER DELETE ON dir_service
    WHEN NOT EXISTS (SELECT 1 FROM dir_bulk)
BEGIN INSERT INTO dir_change(service_id) VALUES (OLD.id); END;
CREATE TRIGGER dir_change_org_u AFTER UPDATE ON dir_org
    WHEN NOT EXISTS (SELECT 1 FROM dir_bulk)
BEGIN
    INSERT INTO dir_change(service_id)
        SELECT id FROM dir_service WHERE org_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER dir_change_target_i AFTER INSERT ON dir_service_target
    WHEN NOT EXISTS (SELECT 1 FROM dir_bulk)
BEGIN INSERT INTO dir_change(service_id) VALUES (NEW.service_id); END;
CREATE TRIGGER dir_change_target_d AFTER DELETE ON dir_service_target
    WHEN NOT EXISTS (SELECT 1 FROM dir_bulk)
BEGIN INSERT INTO dir_change(service_id) VALUES (OLD.service_id); END;
CREATE TRIGGER dir_change_area_i AFTER INSERT ON dir_area
    WHEN NOT EXISTS (SELECT 1 FROM dir_bulk)
BEGIN INSERT INTO dir_change(service_id) VALUES (NEW.service_id); END;
CREATE TRIGGER dir_change_area_d AFTER DELETE ON dir_area
    WHEN NOT EXISTS (SELECT 1 FROM dir_bulk)
BEGIN INSERT INTO dir_change(service_id) VALUES (OLD.service_id); END;
