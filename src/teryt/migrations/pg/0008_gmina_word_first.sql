-- PostgreSQL twin of ../0008_gmina_word_first.sql.
-- Autocomplete reads whole-name prefixes and later-word prefixes as two
-- short ranges of this index, each stopped after the first few rows,
-- instead of collecting every word with the prefix and sorting them.
CREATE INDEX gmina_word_first ON gmina_word(first, word);
