-- Bulk loads of the directory (issue 21): the change log's row triggers of
-- migrations 0012 and 0018 become statement triggers that read the rows of
-- their statement (transition tables). A statement of a thousand rows, as
-- the CSV import writes them, makes one call of the function instead of a
-- thousand: quiet as they were in bulk mode, the row calls still took
-- 0.25 s of a 20 000-row import. What they log is the same: the services
-- inserted, updated (old and new id) or deleted, those of an institution
-- updated, those whose target groups or areas were added or removed. The
-- statement triggers of migration 0012 that lock dir_change stay.
-- PostgreSQL allows transition tables on triggers of one event only.
DROP TRIGGER dir_change_service ON dir_service;
DROP TRIGGER dir_change_org ON dir_org;
DROP TRIGGER dir_change_target ON dir_service_target;
DROP TRIGGER dir_change_area ON dir_area;
DROP FUNCTION dir_change_service();
DROP FUNCTION dir_change_part();
DROP FUNCTION dir_change_org();

CREATE FUNCTION dir_change_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM dir_bulk) THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'dir_org' THEN
        -- an institution's name, address and hours are its services' text
        INSERT INTO dir_change(service_id)
            SELECT s.id FROM dir_service s WHERE s.org_id IN
                (SELECT id FROM old_rows UNION SELECT id FROM new_rows)
            ORDER BY s.id;
    ELSIF TG_TABLE_NAME = 'dir_service' AND TG_OP = 'INSERT' THEN
        INSERT INTO dir_change(service_id) SELECT id FROM new_rows ORDER BY id;
    ELSIF TG_TABLE_NAME = 'dir_service' AND TG_OP = 'UPDATE' THEN
        INSERT INTO dir_change(service_id)
            SELECT id FROM new_rows UNION SELECT id FROM old_rows ORDER BY 1;
    ELSIF TG_TABLE_NAME = 'dir_service' THEN
        INSERT INTO dir_change(service_id) SELECT id FROM old_rows ORDER BY id;
    ELSIF TG_OP = 'INSERT' THEN -- dir_service_target, dir_area
        INSERT INTO dir_change(service_id)
            SELECT service_id FROM new_rows ORDER BY service_id;
    ELSE
        INSERT INTO dir_change(service_id)
            SELECT service_id FROM old_rows ORDER BY service_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER dir_change_service_i AFTER INSERT ON dir_service
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dir_change_rows();
CREATE TRIGGER dir_change_service_u AFTER UPDATE ON dir_service
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dir_change_rows();
CREATE TRIGGER dir_change_service_d AFTER DELETE ON dir_service
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dir_change_rows();
CREATE TRIGGER dir_change_org_u AFTER UPDATE ON dir_org
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dir_change_rows();
CREATE TRIGGER dir_change_target_i AFTER INSERT ON dir_service_target
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dir_change_rows();
CREATE TRIGGER dir_change_target_d AFTER DELETE ON dir_service_target
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dir_change_rows();
CREATE TRIGGER dir_change_area_i AFTER INSERT ON dir_area
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dir_change_rows();
CREATE TRIGGER dir_change_area_d AFTER DELETE ON dir_area
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dir_change_rows();
