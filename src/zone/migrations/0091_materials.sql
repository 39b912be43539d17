-- The library of materials for professionals (issue 19): guides, lesson
-- scenarios, procedures and forms, each with versions of its file, public
-- or for logged-in accounts only, counted by downloads toward the plan
-- task it serves (seed 001 tasks 1.6-1.8) through monitoring's metric
-- "materials".
CREATE TABLE material (
    id          INTEGER PRIMARY KEY,
    region      TEXT NOT NULL REFERENCES region(woj),
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,          -- code of zone_material_kinds
    audience    TEXT NOT NULL,          -- code of zone_groups, or 'all'
    description TEXT NOT NULL DEFAULT '',
    public      INTEGER NOT NULL DEFAULT 1, -- 0: logged-in accounts only
    task        TEXT NOT NULL DEFAULT '',   -- plan task number, e.g. 1.6
    folded      TEXT NOT NULL,          -- title and description, for search
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE INDEX material_region ON material(region, kind);

CREATE TABLE material_version (
    id          INTEGER PRIMARY KEY,
    material_id INTEGER NOT NULL REFERENCES material(id),
    version     INTEGER NOT NULL,
    filename    TEXT NOT NULL,
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    data        BLOB NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    UNIQUE (material_id, version)
);

-- One row per download: when and which version, nothing about who.
CREATE TABLE material_download (
    id          INTEGER PRIMARY KEY,
    material_id INTEGER NOT NULL REFERENCES material(id),
    version_id  INTEGER NOT NULL REFERENCES material_version(id),
    at          TEXT NOT NULL,
    year        INTEGER NOT NULL
);
CREATE INDEX material_download_year ON material_download(material_id, year);
