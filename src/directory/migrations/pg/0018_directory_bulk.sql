-- Bulk loads of the directory (issue 21): while a row of dir_bulk exists,
-- inside the transaction of a CSV import and never seen outside it, the
-- row triggers of migration 0012 log no changed service: the import
-- replaces a whole region, and logs one "read everything" row (service_id
-- NULL) instead of one or two rows per service, area and target (and per
-- service of the region it deletes first). The statement triggers that
-- lock dir_change stay: the import's own row of the log takes the lock.
-- Otherwise the functions of migration 0012, unchanged.
CREATE TABLE dir_bulk (
    id BIGINT PRIMARY KEY CHECK (id = 1)
);

CREATE OR REPLACE FUNCTION dir_change_service() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM dir_bulk) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO dir_change(service_id) VALUES (NEW.id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.id <> NEW.id) THEN
        INSERT INTO dir_change(service_id) VALUES (OLD.id);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION dir_change_part() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM dir_bulk) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        INSERT INTO dir_change(service_id) VALUES (OLD.service_id);
    ELSE
        INSERT INTO dir_change(service_id) VALUES (NEW.service_id);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION dir_change_org() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM dir_bulk) THEN
        RETURN NULL;
    END IF;
    INSERT INTO dir_change(service_id)
        SELECT id FROM dir_service WHERE org_id IN (OLD.id, NEW.id);
    RETURN NULL;
END $$;
