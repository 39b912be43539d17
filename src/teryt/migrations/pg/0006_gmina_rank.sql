-- PostgreSQL twin of ../0006_gmina_rank.sql.
-- The position of each gmina in Polish alphabetical order (then urban
-- before rural, then code), so that autocomplete sorts by an integer
-- instead of running the Polish collation on every request. teryt_load
-- numbers new units the same way.
ALTER TABLE gmina ADD COLUMN rank BIGINT NOT NULL DEFAULT 0;
UPDATE gmina SET rank = o.n
  FROM (SELECT teryt, row_number() OVER (ORDER BY name COLLATE pl, rodz,
                                                  teryt) AS n
          FROM gmina) AS o
 WHERE o.teryt = gmina.teryt;
