-- Bulk loads of the helpline's register (issue 21): while a row of
-- helpline_bulk exists, inside the transaction of `rodzina helpline
-- import` and never seen outside it, the triggers of the contacts leave the
-- monthly summary alone; the import rebuilds the summary of the months it
-- loaded once, at its end, from the contacts (the summaries of migration
-- 0022 follow helpline_month's rows as ever) and bumps the register's
-- version (0023) once: a version row updated per statement of a bulk load
-- would leave one dead version a statement for every later update to
-- step over. Otherwise the functions of migrations 0021 and 0023,
-- unchanged.
CREATE TABLE helpline_bulk (
    id BIGINT PRIMARY KEY CHECK (id = 1)
);

CREATE OR REPLACE FUNCTION helpline_month_count() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM helpline_bulk) THEN
        RETURN NULL;
    END IF;
    EXECUTE format($q$
        INSERT INTO helpline_month(
            region, month, gmina, n, minutes, ch1, ch2, ch3, ch4, ch5, ch6,
            ch7, cr1, cr2, cr3, cr4, fo1, fo2, fo3, fo4, fo5, fo6, hm1, hm2,
            hm3, hm4, hm5, re1, re2, re3, re4, re5, re6, re7, re8)
        SELECT region, substr(at, 1, 7), coalesce(gmina, ''),
            sum(s),
            sum(s * coalesce(minutes, 0)),
            sum(CASE WHEN channel = 1 THEN s ELSE 0 END),
            sum(CASE WHEN channel = 2 THEN s ELSE 0 END),
            sum(CASE WHEN channel = 3 THEN s ELSE 0 END),
            sum(CASE WHEN channel = 4 THEN s ELSE 0 END),
            sum(CASE WHEN channel = 5 THEN s ELSE 0 END),
            sum(CASE WHEN channel = 6 THEN s ELSE 0 END),
            sum(CASE WHEN channel = 7 THEN s ELSE 0 END),
            sum(CASE WHEN caller = 1 THEN s ELSE 0 END),
            sum(CASE WHEN caller = 2 THEN s ELSE 0 END),
            sum(CASE WHEN caller = 3 THEN s ELSE 0 END),
            sum(CASE WHEN caller = 4 THEN s ELSE 0 END),
            sum(CASE WHEN (forms & 1) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (forms & 2) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (forms & 4) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (forms & 8) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (forms & 16) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (forms & 32) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (harmed & 1) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (harmed & 2) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (harmed & 4) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (harmed & 8) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (harmed & 16) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (referrals & 1) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (referrals & 2) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (referrals & 4) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (referrals & 8) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (referrals & 16) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (referrals & 32) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (referrals & 64) <> 0 THEN s ELSE 0 END),
            sum(CASE WHEN (referrals & 128) <> 0 THEN s ELSE 0 END)
        FROM (%s) AS x GROUP BY 1, 2, 3
        ON CONFLICT (region, month, gmina) DO UPDATE SET
            n = helpline_month.n + excluded.n,
            minutes = helpline_month.minutes + excluded.minutes,
            ch1 = helpline_month.ch1 + excluded.ch1,
            ch2 = helpline_month.ch2 + excluded.ch2,
            ch3 = helpline_month.ch3 + excluded.ch3,
            ch4 = helpline_month.ch4 + excluded.ch4,
            ch5 = helpline_month.ch5 + excluded.ch5,
            ch6 = helpline_month.ch6 + excluded.ch6,
            ch7 = helpline_month.ch7 + excluded.ch7,
            cr1 = helpline_month.cr1 + excluded.cr1,
            cr2 = helpline_month.cr2 + excluded.cr2,
            cr3 = helpline_month.cr3 + excluded.cr3,
            cr4 = helpline_month.cr4 + excluded.cr4,
            fo1 = helpline_month.fo1 + excluded.fo1,
            fo2 = helpline_month.fo2 + excluded.fo2,
            fo3 = helpline_month.fo3 + excluded.fo3,
            fo4 = helpline_month.fo4 + excluded.fo4,
            fo5 = helpline_month.fo5 + excluded.fo5,
            fo6 = helpline_month.fo6 + excluded.fo6,
            hm1 = helpline_month.hm1 + excluded.hm1,
            hm2 = helpline_month.hm2 + excluded.hm2,
            hm3 = helpline_month.hm3 + excluded.hm3,
            hm4 = helpline_month.hm4 + excluded.hm4,
            hm5 = helpline_month.hm5 + excluded.hm5,
            re1 = helpline_month.re1 + excluded.re1,
            re2 = helpline_month.re2 + excluded.re2,
            re3 = helpline_month.re3 + excluded.re3,
            re4 = helpline_month.re4 + excluded.re4,
            re5 = helpline_month.re5 + excluded.re5,
            re6 = helpline_month.re6 + excluded.re6,
            re7 = helpline_month.re7 + excluded.re7,
            re8 = helpline_month.re8 + excluded.re8$q$,
        CASE TG_OP
            WHEN 'INSERT' THEN 'SELECT 1 AS s, * FROM new_rows'
            WHEN 'DELETE' THEN 'SELECT -1 AS s, * FROM old_rows'
            ELSE 'SELECT -1 AS s, * FROM old_rows'
                ' UNION ALL SELECT 1, * FROM new_rows' END);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION helpline_version_bump() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM helpline_bulk) THEN
        UPDATE helpline_version SET v = v + 1;
    END IF;
    RETURN NULL;
END $$;
