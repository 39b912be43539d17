-- Services directory (issue 5): institutions, the services they offer,
-- the areas each service covers, and the full-text index used by the
-- public search. Categories and target groups are data, not code.
CREATE TABLE dir_category (
    code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9]*'),
    name TEXT NOT NULL,
    pos  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE dir_target (
    code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9]*'),
    name TEXT NOT NULL,
    pos  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO dir_category(code, name, pos) VALUES
    ('pomoc', 'Pomoc społeczna i świadczenia', 1),
    ('rodzina', 'Wsparcie rodziny i asystent rodziny', 2),
    ('przemoc', 'Przeciwdziałanie przemocy domowej', 3),
    ('kryzys', 'Interwencja kryzysowa i schronienie', 4),
    ('adopcja', 'Adopcja', 5),
    ('piecza', 'Piecza zastępcza', 6),
    ('prawna', 'Porady prawne', 7),
    ('psychologiczna', 'Pomoc psychologiczna', 8),
    ('telefon', 'Telefon zaufania', 9),
    ('uzaleznienia', 'Uzależnienia', 10),
    ('informacja', 'Informacja i koordynacja', 11);
INSERT INTO dir_target(code, name, pos) VALUES
    ('wszyscy', 'Wszyscy mieszkańcy', 1),
    ('rodziny', 'Rodziny z dziećmi', 2),
    ('dzieci', 'Dzieci i młodzież', 3),
    ('przemoc', 'Osoby doznające przemocy', 4),
    ('kandydaci', 'Kandydaci na rodziców adopcyjnych i zastępczych', 5),
    ('seniorzy', 'Osoby starsze', 6),
    ('niepelnosprawni', 'Osoby z niepełnosprawnościami', 7),
    ('profesjonalisci', 'Profesjonaliści (pracownicy instytucji)', 8);

-- An institution and its one location. A confidential location (a shelter)
-- keeps its address for coordinators; the public never sees it.
CREATE TABLE dir_org (
    id           INTEGER PRIMARY KEY,
    region       TEXT NOT NULL REFERENCES woj(code),
    parent_id    INTEGER REFERENCES dir_org(id) ON DELETE SET NULL,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    street       TEXT NOT NULL DEFAULT '',
    postcode     TEXT NOT NULL DEFAULT '',
    city         TEXT NOT NULL DEFAULT '',
    gmina        TEXT NOT NULL REFERENCES gmina(teryt),
    lat          TEXT NOT NULL DEFAULT '',  -- decimal degrees, WGS84, or ''
    lon          TEXT NOT NULL DEFAULT '',
    confidential INTEGER NOT NULL DEFAULT 0,
    phone        TEXT NOT NULL DEFAULT '',  -- numbers separated by ';'
    email        TEXT NOT NULL DEFAULT '',
    web          TEXT NOT NULL DEFAULT '',
    hours        TEXT NOT NULL DEFAULT '',  -- e.g. 'pn-pt 8:00-16:00'
    example      INTEGER NOT NULL DEFAULT 0, -- generated example data
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX dir_org_region ON dir_org(region);
CREATE INDEX dir_org_parent ON dir_org(parent_id);
CREATE TABLE dir_service (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES dir_org(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    category     TEXT NOT NULL REFERENCES dir_category(code),
    cost         TEXT NOT NULL DEFAULT '',
    languages    TEXT NOT NULL DEFAULT '',
    how_to_apply TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',  -- '' means the institution's
    hours        TEXT NOT NULL DEFAULT '',  -- '' means the institution's
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX dir_service_org ON dir_service(org_id);
CREATE TABLE dir_service_target (
    service_id INTEGER NOT NULL REFERENCES dir_service(id) ON DELETE CASCADE,
    target     TEXT NOT NULL REFERENCES dir_target(code),
    PRIMARY KEY (service_id, target)
);
-- Coverage: one or more gminas, powiats or whole regions.
CREATE TABLE dir_area (
    service_id INTEGER NOT NULL REFERENCES dir_service(id) ON DELETE CASCADE,
    level      TEXT NOT NULL CHECK (level IN ('gmina', 'powiat', 'region')),
    code       TEXT NOT NULL,
    PRIMARY KEY (service_id, level, code)
);
-- The search index, rowid = dir_service.id. Text is folded by str_fold
-- before it is written and before it is queried (ł has no decomposition).
-- area holds g<gmina> p<powiat> w<region> tokens of the coverage and
-- facet k<category> t<target> tokens, so filters run inside the match;
-- name (not indexed) is the folded service name, for ordering candidates.
CREATE VIRTUAL TABLE dir_fts USING fts5(area, facet, body, name UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2');
