-- PostgreSQL twin of ../0002_regions.sql.
-- Regions (voivodeships) this instance serves, with the office that runs
-- the programmes there. Every domain record will belong to one region.
CREATE TABLE region (
    woj     TEXT PRIMARY KEY REFERENCES woj(code),
    office  TEXT NOT NULL,          -- e.g. "Regionalny Ośrodek Polityki Społecznej w Toruniu"
    enabled BIGINT NOT NULL DEFAULT 1
);
