-- Niebieska Linia statistics at the grains a request reads (issue 21):
-- helpline_month_region, the monthly summary summed over the gminas (the
-- months, channels, callers, forms, harmed persons and referral types of a
-- region or of the country: 12 rows a region's year instead of its ~1 700
-- rows of helpline_month), and helpline_year_gmina, the contacts per
-- region, year and gmina (a country's six years in 15 000 rows instead of
-- 178 000). Both are kept from helpline_month by its triggers, as it is
-- kept from the contacts, and filled here from it.

CREATE TABLE helpline_month_region (
    region  TEXT NOT NULL,
    month   TEXT NOT NULL,         -- YYYY-MM
    n INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    ch1 INTEGER NOT NULL,
    ch2 INTEGER NOT NULL,
    ch3 INTEGER NOT NULL,
    ch4 INTEGER NOT NULL,
    ch5 INTEGER NOT NULL,
    ch6 INTEGER NOT NULL,
    ch7 INTEGER NOT NULL,
    cr1 INTEGER NOT NULL,
    cr2 INTEGER NOT NULL,
    cr3 INTEGER NOT NULL,
    cr4 INTEGER NOT NULL,
    fo1 INTEGER NOT NULL,
    fo2 INTEGER NOT NULL,
    fo3 INTEGER NOT NULL,
    fo4 INTEGER NOT NULL,
    fo5 INTEGER NOT NULL,
    fo6 INTEGER NOT NULL,
    hm1 INTEGER NOT NULL,
    hm2 INTEGER NOT NULL,
    hm3 INTEGER NOT NULL,
    hm4 INTEGER NOT NULL,
    hm5 INTEGER NOT NULL,
    re1 INTEGER NOT NULL,
    re2 INTEGER NOT NULL,
    re3 INTEGER NOT NULL,
    re4 INTEGER NOT NULL,
    re5 INTEGER NOT NULL,
    re6 INTEGER NOT NULL,
    re7 INTEGER NOT NULL,
    re8 INTEGER NOT NULL,
    PRIMARY KEY (region, month)
) WITHOUT ROWID;
CREATE INDEX helpline_month_region_month ON helpline_month_region(month);

CREATE TABLE helpline_year_gmina (
    region TEXT NOT NULL,
    year   TEXT NOT NULL,          -- YYYY
    gmina  TEXT NOT NULL,          -- '' when not given
    n      INTEGER NOT NULL,
    PRIMARY KEY (region, year, gmina)
) WITHOUT ROWID;
CREATE INDEX helpline_year_gmina_year ON helpline_year_gmina(year);

-- The summaries of the contacts already stored.
INSERT INTO helpline_month_region(region, month,
    n, minutes, ch1, ch2, ch3, ch4, ch5, ch6, ch7, cr1, cr2, cr3, cr4, fo1,
    fo2, fo3, fo4, fo5, fo6, hm1, hm2, hm3, hm4, hm5, re1, re2, re3, re4,
    re5, re6, re7, re8)
    SELECT region, month, sum(n), sum(minutes), sum(ch1), sum(ch2),
        sum(ch3), sum(ch4), sum(ch5), sum(ch6), sum(ch7), sum(cr1),
        sum(cr2), sum(cr3), sum(cr4), sum(fo1), sum(fo2), sum(fo3),
        sum(fo4), sum(fo5), sum(fo6), sum(hm1), sum(hm2), sum(hm3),
        sum(hm4), sum(hm5), sum(re1), sum(re2), sum(re3), sum(re4),
        sum(re5), sum(re6), sum(re7), sum(re8)
    FROM helpline_month GROUP BY region, month;
INSERT INTO helpline_year_gmina(region, year, gmina, n)
    SELECT region, substr(month, 1, 4), gmina, sum(n)
    FROM helpline_month GROUP BY region, substr(month, 1, 4), gmina;

-- helpline_month changes by a contact at a time (its upserts update a row in
-- place, the key kept); a change of key moves the counts.
CREATE TRIGGER helpline_month_ai AFTER INSERT ON helpline_month
BEGIN
    INSERT INTO helpline_month_region(region, month,
        n, minutes, ch1, ch2, ch3, ch4, ch5, ch6, ch7, cr1, cr2, cr3, cr4,
        fo1, fo2, fo3, fo4, fo5, fo6, hm1, hm2, hm3, hm4, hm5, re1, re2,
        re3, re4, re5, re6, re7, re8)
    VALUES (NEW.region, NEW.month, NEW.n, NEW.minutes, NEW.ch1, NEW.ch2,
        NEW.ch3, NEW.ch4, NEW.ch5, NEW.ch6, NEW.ch7, NEW.cr1, NEW.cr2,
        NEW.cr3, NEW.cr4, NEW.fo1, NEW.fo2, NEW.fo3, NEW.fo4, NEW.fo5,
        NEW.fo6, NEW.hm1, NEW.hm2, NEW.hm3, NEW.hm4, NEW.hm5, NEW.re1,
        NEW.re2, NEW.re3, NEW.re4, NEW.re5, NEW.re6, NEW.re7, NEW.re8)
    ON CONFLICT (region, month) DO UPDATE SET
        n = helpline_month_region.n + excluded.n,
        minutes = helpline_month_region.minutes + excluded.minutes,
        ch1 = helpline_month_region.ch1 + excluded.ch1,
        ch2 = helpline_month_region.ch2 + excluded.ch2,
        ch3 = helpline_month_region.ch3 + excluded.ch3,
        ch4 = helpline_month_region.ch4 + excluded.ch4,
        ch5 = helpline_month_region.ch5 + excluded.ch5,
        ch6 = helpline_month_region.ch6 + excluded.ch6,
        ch7 = helpline_month_region.ch7 + excluded.ch7,
        cr1 = helpline_month_region.cr1 + excluded.cr1,
        cr2 = helpline_month_region.cr2 + excluded.cr2,
        cr3 = helpline_month_region.cr3 + excluded.cr3,
        cr4 = helpline_month_region.cr4 + excluded.cr4,
        fo1 = helpline_month_region.fo1 + excluded.fo1,
        fo2 = helpline_month_region.fo2 + excluded.fo2,
        fo3 = helpline_month_region.fo3 + excluded.fo3,
        fo4 = helpline_month_region.fo4 + excluded.fo4,
        fo5 = helpline_month_region.fo5 + excluded.fo5,
        fo6 = helpline_month_region.fo6 + excluded.fo6,
        hm1 = helpline_month_region.hm1 + excluded.hm1,
        hm2 = helpline_month_region.hm2 + excluded.hm2,
        hm3 = helpline_month_region.hm3 + excluded.hm3,
        hm4 = helpline_month_region.hm4 + excluded.hm4,
        hm5 = helpline_month_region.hm5 + excluded.hm5,
        re1 = helpline_month_region.re1 + excluded.re1,
        re2 = helpline_month_region.re2 + excluded.re2,
        re3 = helpline_month_region.re3 + excluded.re3,
        re4 = helpline_month_region.re4 + excluded.re4,
        re5 = helpline_month_region.re5 + excluded.re5,
        re6 = helpline_month_region.re6 + excluded.re6,
        re7 = helpline_month_region.re7 + excluded.re7,
        re8 = helpline_month_region.re8 + excluded.re8;
    INSERT INTO helpline_year_gmina(region, year, gmina, n)
    VALUES (NEW.region, substr(NEW.month, 1, 4), NEW.gmina, NEW.n)
    ON CONFLICT (region, year, gmina) DO UPDATE SET
        n = helpline_year_gmina.n + excluded.n;
END;
CREATE TRIGGER helpline_month_au AFTER UPDATE ON helpline_month
    WHEN OLD.region = NEW.region AND OLD.month = NEW.month
        AND OLD.gmina = NEW.gmina
BEGIN
    UPDATE helpline_month_region SET
        n = n + NEW.n - OLD.n,
        minutes = minutes + NEW.minutes - OLD.minutes,
        ch1 = ch1 + NEW.ch1 - OLD.ch1,
        ch2 = ch2 + NEW.ch2 - OLD.ch2,
        ch3 = ch3 + NEW.ch3 - OLD.ch3,
        ch4 = ch4 + NEW.ch4 - OLD.ch4,
        ch5 = ch5 + NEW.ch5 - OLD.ch5,
        ch6 = ch6 + NEW.ch6 - OLD.ch6,
        ch7 = ch7 + NEW.ch7 - OLD.ch7,
        cr1 = cr1 + NEW.cr1 - OLD.cr1,
        cr2 = cr2 + NEW.cr2 - OLD.cr2,
        cr3 = cr3 + NEW.cr3 - OLD.cr3,
        cr4 = cr4 + NEW.cr4 - OLD.cr4,
        fo1 = fo1 + NEW.fo1 - OLD.fo1,
        fo2 = fo2 + NEW.fo2 - OLD.fo2,
        fo3 = fo3 + NEW.fo3 - OLD.fo3,
        fo4 = fo4 + NEW.fo4 - OLD.fo4,
        fo5 = fo5 + NEW.fo5 - OLD.fo5,
        fo6 = fo6 + NEW.fo6 - OLD.fo6,
        hm1 = hm1 + NEW.hm1 - OLD.hm1,
        hm2 = hm2 + NEW.hm2 - OLD.hm2,
        hm3 = hm3 + NEW.hm3 - OLD.hm3,
        hm4 = hm4 + NEW.hm4 - OLD.hm4,
        hm5 = hm5 + NEW.hm5 - OLD.hm5,
        re1 = re1 + NEW.re1 - OLD.re1,
        re2 = re2 + NEW.re2 - OLD.re2,
        re3 = re3 + NEW.re3 - OLD.re3,
        re4 = re4 + NEW.re4 - OLD.re4,
        re5 = re5 + NEW.re5 - OLD.re5,
        re6 = re6 + NEW.re6 - OLD.re6,
        re7 = re7 + NEW.re7 - OLD.re7,
        re8 = re8 + NEW.re8 - OLD.re8
    WHERE region = NEW.region AND month = NEW.month;
    UPDATE helpline_year_gmina SET n = n + NEW.n - OLD.n
    WHERE region = NEW.region AND year = substr(NEW.month, 1, 4)
      AND gmina = NEW.gmina;
END;
CREATE TRIGGER helpline_month_ak AFTER UPDATE ON helpline_month
    WHEN NOT (OLD.region = NEW.region AND OLD.month = NEW.month
        AND OLD.gmina = NEW.gmina)
BEGIN
    UPDATE helpline_month_region SET
        n = n - OLD.n,
        minutes = minutes - OLD.minutes,
        ch1 = ch1 - OLD.ch1,
        ch2 = ch2 - OLD.ch2,
        ch3 = ch3 - OLD.ch3,
        ch4 = ch4 - OLD.ch4,
        ch5 = ch5 - OLD.ch5,
        ch6 = ch6 - OLD.ch6,
        ch7 = ch7 - OLD.ch7,
        cr1 = cr1 - OLD.cr1,
        cr2 = cr2 - OLD.cr2,
        cr3 = cr3 - OLD.cr3,
        cr4 = cr4 - OLD.cr4,
        fo1 = fo1 - OLD.fo1,
        fo2 = fo2 - OLD.fo2,
        fo3 = fo3 - OLD.fo3,
        fo4 = fo4 - OLD.fo4,
        fo5 = fo5 - OLD.fo5,
        fo6 = fo6 - OLD.fo6,
        hm1 = hm1 - OLD.hm1,
        hm2 = hm2 - OLD.hm2,
        hm3 = hm3 - OLD.hm3,
        hm4 = hm4 - OLD.hm4,
        hm5 = hm5 - OLD.hm5,
        re1 = re1 - OLD.re1,
        re2 = re2 - OLD.re2,
        re3 = re3 - OLD.re3,
        re4 = re4 - OLD.re4,
        re5 = re5 - OLD.re5,
        re6 = re6 - OLD.re6,
        re7 = re7 - OLD.re7,
        re8 = re8 - OLD.re8
    WHERE region = OLD.region AND month = OLD.month;
    UPDATE helpline_year_gmina SET n = n - OLD.n
    WHERE region = OLD.region AND year = substr(OLD.month, 1, 4)
      AND gmina = OLD.gmina;
    INSERT INTO helpline_month_region(region, month,
        n, minutes, ch1, ch2, ch3, ch4, ch5, ch6, ch7, cr1, cr2, cr3, cr4,
        fo1, fo2, fo3, fo4, fo5, fo6, hm1, hm2, hm3, hm4, hm5, re1, re2,
        re3, re4, re5, re6, re7, re8)
    VALUES (NEW.region, NEW.month, NEW.n, NEW.minutes, NEW.ch1, NEW.ch2,
        NEW.ch3, NEW.ch4, NEW.ch5, NEW.ch6, NEW.ch7, NEW.cr1, NEW.cr2,
        NEW.cr3, NEW.cr4, NEW.fo1, NEW.fo2, NEW.fo3, NEW.fo4, NEW.fo5,
        NEW.fo6, NEW.hm1, NEW.hm2, NEW.hm3, NEW.hm4, NEW.hm5, NEW.re1,
        NEW.re2, NEW.re3, NEW.re4, NEW.re5, NEW.re6, NEW.re7, NEW.re8)
    ON CONFLICT (region, month) DO UPDATE SET
        n = helpline_month_region.n + excluded.n,
        minutes = helpline_month_region.minutes + excluded.minutes,
        ch1 = helpline_month_region.ch1 + excluded.ch1,
        ch2 = helpline_month_region.ch2 + excluded.ch2,
        ch3 = helpline_month_region.ch3 + excluded.ch3,
        ch4 = helpline_month_region.ch4 + excluded.ch4,
        ch5 = helpline_month_region.ch5 + excluded.ch5,
        ch6 = helpline_month_region.ch6 + excluded.ch6,
        ch7 = helpline_month_region.ch7 + excluded.ch7,
        cr1 = helpline_month_region.cr1 + excluded.cr1,
        cr2 = helpline_month_region.cr2 + excluded.cr2,
        cr3 = helpline_month_region.cr3 + excluded.cr3,
        cr4 = helpline_month_region.cr4 + excluded.cr4,
        fo1 = helpline_month_region.fo1 + excluded.fo1,
        fo2 = helpline_month_region.fo2 + excluded.fo2,
        fo3 = helpline_month_region.fo3 + excluded.fo3,
        fo4 = helpline_month_region.fo4 + excluded.fo4,
        fo5 = helpline_month_region.fo5 + excluded.fo5,
        fo6 = helpline_month_region.fo6 + excluded.fo6,
        hm1 = helpline_month_region.hm1 + excluded.hm1,
        hm2 = helpline_month_region.hm2 + excluded.hm2,
        hm3 = helpline_month_region.hm3 + excluded.hm3,
        hm4 = helpline_month_region.hm4 + excluded.hm4,
        hm5 = helpline_month_region.hm5 + excluded.hm5,
        re1 = helpline_month_region.re1 + excluded.re1,
        re2 = helpline_month_region.re2 + excluded.re2,
        re3 = helpline_month_region.re3 + excluded.re3,
        re4 = helpline_month_region.re4 + excluded.re4,
        re5 = helpline_month_region.re5 + excluded.re5,
        re6 = helpline_month_region.re6 + excluded.re6,
        re7 = helpline_month_region.re7 + excluded.re7,
        re8 = helpline_month_region.re8 + excluded.re8;
    INSERT INTO helpline_year_gmina(region, year, gmina, n)
    VALUES (NEW.region, substr(NEW.month, 1, 4), NEW.gmina, NEW.n)
    ON CONFLICT (region, year, gmina) DO UPDATE SET
        n = helpline_year_gmina.n + excluded.n;
END;
CREATE TRIGGER helpline_month_ad AFTER DELETE ON helpline_month
BEGIN
    UPDATE helpline_month_region SET
        n = n - OLD.n,
        minutes = minutes - OLD.minutes,
        ch1 = ch1 - OLD.ch1,
        ch2 = ch2 - OLD.ch2,
        ch3 = ch3 - OLD.ch3,
        ch4 = ch4 - OLD.ch4,
        ch5 = ch5 - OLD.ch5,
        ch6 = ch6 - OLD.ch6,
        ch7 = ch7 - OLD.ch7,
        cr1 = cr1 - OLD.cr1,
        cr2 = cr2 - OLD.cr2,
        cr3 = cr3 - OLD.cr3,
        cr4 = cr4 - OLD.cr4,
        fo1 = fo1 - OLD.fo1,
        fo2 = fo2 - OLD.fo2,
        fo3 = fo3 - OLD.fo3,
        fo4 = fo4 - OLD.fo4,
        fo5 = fo5 - OLD.fo5,
        fo6 = fo6 - OLD.fo6,
        hm1 = hm1 - OLD.hm1,
        hm2 = hm2 - OLD.hm2,
        hm3 = hm3 - OLD.hm3,
        hm4 = hm4 - OLD.hm4,
        hm5 = hm5 - OLD.hm5,
        re1 = re1 - OLD.re1,
        re2 = re2 - OLD.re2,
        re3 = re3 - OLD.re3,
        re4 = re4 - OLD.re4,
        re5 = re5 - OLD.re5,
        re6 = re6 - OLD.re6,
        re7 = re7 - OLD.re7,
        re8 = re8 - OLD.re8
    WHERE region = OLD.region AND month = OLD.month;
    UPDATE helpline_year_gmina SET n = n - OLD.n
    WHERE region = OLD.region AND year = substr(OLD.month, 1, 4)
      AND gmina = OLD.gmina;
END;
