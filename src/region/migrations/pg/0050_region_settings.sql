-- PostgreSQL twin of ../0050_region_settings.sql.
-- Region settings (issue 15): what residents and staff of a region are told
-- about its centre and its lines, set by `rodzina region add` or the
-- administrators' page /regiony instead of being written into the program.
-- Core migrations continue at 0050 (0001-0009 are full; modules own 0010-).
ALTER TABLE region ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE region ADD COLUMN info_line TEXT NOT NULL DEFAULT '';
ALTER TABLE region ADD COLUMN bip_url TEXT NOT NULL DEFAULT '';

-- The region's helplines, in the order they are shown. hours is the text a
-- resident reads; open_from/open_to (minutes of the day, Warsaw time) are
-- read from it when it names them, NULL when it does not.
CREATE TABLE region_line (
    woj       TEXT NOT NULL REFERENCES region(woj),
    pos       BIGINT NOT NULL,
    name      TEXT NOT NULL,
    phone     TEXT NOT NULL,
    hours     TEXT NOT NULL DEFAULT '',
    open_from BIGINT,
    open_to   BIGINT,
    PRIMARY KEY (woj, pos)
);
