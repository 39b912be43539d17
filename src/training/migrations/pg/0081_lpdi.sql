-- PostgreSQL twin of ../0081_lpdi.sql.
-- Local plans of deinstytucjonalisation (LPDI, issue 18): one row per
-- gmina (7-digit TERYT code) or powiat (4 digits) of a region that has
-- been recorded, adopted or not, with the date and number of the
-- resolution and a link to it. Seed 004's fourth indicator is the share
-- of a region's local governments with an adopted plan.
CREATE TABLE training_lpdi (
    region     TEXT NOT NULL REFERENCES region(woj),
    unit       TEXT NOT NULL,          -- gmina (7 digits) or powiat (4)
    adopted    BIGINT NOT NULL CHECK (adopted IN (0, 1)),
    adopted_on TEXT,                   -- ISO date, when adopted
    resolution TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (region, unit)
);
