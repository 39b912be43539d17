-- PostgreSQL twin of ../0001_teryt.sql. First migration: it also creates
-- what the SQLite engine registers in C (src/db/db_sqlite.c), so that the
-- shared queries run unchanged.
--
-- pl: Polish order, upper case first on a tie, as collate_pl does.
CREATE COLLATION pl (provider = icu, locale = 'pl-PL-u-kf-upper');

-- fold(text) returns exactly what str_fold() (src/core/str.c) returns:
-- ASCII upper case and the letters of U+00C0..U+017F to their lower-case
-- ASCII base (the latin_base() table, ł included); every run of other
-- characters up to U+017F and of General Punctuation (U+2000..U+206F) to
-- one space, trimmed; any other character (other scripts) kept as it is.
-- tests/tools/test_fold_pg.py compares the two.
CREATE FUNCTION fold(s text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(
           translate(s,
                  'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâ'
                  || 'ãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğ'
                  || 'ĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚś'
                  || 'ŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ',
                  'abcdefghijklmnopqrstuvwxyzaaaaaaaceeeeiiiidnoooooouuuuytsaaa'
                  || 'aaaaceeeeiiiidnoooooouuuuytyaaaaaaccccccccddddeeeeeeeeeegggg'
                  || 'gggghhhhiiiiiiiiiijjjjkkkllllllllllnnnnnnnnnoooooooorrrrrrss'
                  || 'ssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs'),
           '[^a-z0-9\u0180-\u1fff\u2070-\U0010ffff]+', ' ', 'g'), ' ');


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
    rodz      BIGINT NOT NULL CHECK (rodz IN (1, 2, 3)),
    name_fold TEXT NOT NULL         -- lower case, no diacritics (ł folded)
);
CREATE INDEX gmina_powiat ON gmina(powiat);
-- Every word suffix of a gmina's folded name, for prefix autocomplete:
-- "nowe miasto lubawskie", "miasto lubawskie", "lubawskie".
CREATE TABLE gmina_word (
    word  TEXT NOT NULL,
    teryt TEXT NOT NULL REFERENCES gmina(teryt) ON DELETE CASCADE,
    first BIGINT NOT NULL,         -- 1 when the suffix is the whole name
    PRIMARY KEY (word, teryt)
);
