-- TERYT reference units (GUS TERC register): voivodeships, powiats, gminas.
CREATE TABLE woj (
    code TEXT PRIMARY KEY,          -- 2 digits
    name TEXT NOT NULL
);
CREATE TABLE powiat (
    code TEXT PRIMARY KEY,          -- 4 digits WWPP
    woj  TEXT NOT NULL REFERENCES woj(code),
    name TEXT NOT NULL,
    kind TEXT NOT NULL              -- 'powiat' or the city-with-powiat-rights label
);
CREATE INDEX powiat_woj ON powiat(woj);
CREATE TABLE gmina (
    teryt     TEXT PRIMARY KEY,     -- 7 digits WWPPGGR
    powiat    TEXT NOT NULL REFERENCES powiat(code),
    name      TEXT NOT NULL,
    rodz      INTEGER NOT NULL CHECK (rodz IN (1, 2, 3)),
    name_fold TEXT NOT NULL         -- lower case, no diacritics (ł folded)
);
CREATE INDEX gmina_powiat ON gmina(powiat);
-- Every word suffix of a gmina's folded name, for prefix autocomplete:
-- "nowe miasto lubawskie", "miasto lubawskie", "lubawskie".
CREATE TABLE gmina_word (
    word  TEXT NOT NULL,
    teryt TEXT NOT NULL REFERENCES gmina(teryt) ON DELETE CASCADE,
    first INTEGER NOT NULL,         -- 1 when the suffix is the whole name
    PRIMARY KEY (word, teryt)
);
