-- Services directory: a version of the whole directory, for the in-memory
-- search index that every server process keeps (dir_index.c). Every write
-- to a table the index is built from changes v, by these triggers, so a
-- change made by any path (the forms, the import, the demo loader, the
-- psql shell) is seen by the next search. v is a random number rather
-- than a counter: two databases (or a rolled-back write followed by
-- another) never share a version by accident.
-- PostgreSQL twin of ../0011_directory_version.sql: random() there is a
-- random 64-bit integer, here a random fraction scaled to 63 bits.
CREATE TABLE dir_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    v  BIGINT NOT NULL
);
INSERT INTO dir_version(id, v) VALUES (1, (random() * 9e18)::bigint);

CREATE FUNCTION dir_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dir_version SET v = (random() * 9e18)::bigint;
    RETURN NULL;
END $$;
CREATE TRIGGER dir_version_org_i AFTER INSERT ON dir_org
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_org_u AFTER UPDATE ON dir_org
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_org_d AFTER DELETE ON dir_org
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_service_i AFTER INSERT ON dir_service
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_service_u AFTER UPDATE ON dir_service
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_service_d AFTER DELETE ON dir_service
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_target_i AFTER INSERT ON dir_service_target
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_target_d AFTER DELETE ON dir_service_target
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_area_i AFTER INSERT ON dir_area
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_area_d AFTER DELETE ON dir_area
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_category_u AFTER UPDATE ON dir_category
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
CREATE TRIGGER dir_version_tgt_u AFTER UPDATE ON dir_target
    FOR EACH ROW EXECUTE FUNCTION dir_version_bump();
