-- PostgreSQL twin of ../0021_helpline_referral.sql.
-- Niebieska Linia (issue 6): referrals to institutions of the services
-- directory, and the referral types counted in the monthly summary.
--
-- helpline_referral links a contact to an institution of the directory
-- (dir_org.id). It holds no foreign key to dir_org, so that the directory
-- may change or re-import its institutions without touching the register:
-- the institution's name and kind at the time of the referral are kept
-- beside the id, and pages show the directory's current name while the
-- institution exists. region and at repeat the contact's, so statistics
-- and purge read this table by date without joining the contacts. The rows
-- of a contact go with it (purge deletes them first; ON DELETE CASCADE
-- covers any other delete).
CREATE TABLE helpline_referral (
    contact_id BIGINT NOT NULL
        REFERENCES helpline_contact(id) ON DELETE CASCADE,
    org_id     BIGINT NOT NULL,   -- dir_org.id when referred
    region     TEXT NOT NULL,      -- the contact's region
    at         TEXT NOT NULL,      -- the contact's local time
    org_name   TEXT NOT NULL,      -- the institution's name when referred
    org_kind   TEXT NOT NULL,      -- its kind (dir_kinds) when referred
    PRIMARY KEY (contact_id, org_id)
);
CREATE INDEX helpline_referral_region_at ON helpline_referral(region, at);
CREATE INDEX helpline_referral_at ON helpline_referral(at);

-- Contacts with each of the eight referral types (bits of referrals).
ALTER TABLE helpline_month ADD COLUMN re1 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE helpline_month ADD COLUMN re2 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE helpline_month ADD COLUMN re3 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE helpline_month ADD COLUMN re4 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE helpline_month ADD COLUMN re5 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE helpline_month ADD COLUMN re6 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE helpline_month ADD COLUMN re7 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE helpline_month ADD COLUMN re8 BIGINT NOT NULL DEFAULT 0;

-- The triggers of ../0020_helpline.sql and of this migration there, here
-- as statement triggers: what one statement inserted, deleted (counted with
-- the sign -1) or updated (both) is added up by month and gmina in one
-- statement, so a COPY of millions of contacts, or a purge, writes each
-- summary row once. No contact is stored before this migration, so there
-- is nothing to count again. The rows are the trigger's transition tables,
-- which exist per event: hence one text run with the event's FROM.
CREATE FUNCTION helpline_month_count() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER helpline_contact_ai AFTER INSERT ON helpline_contact
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION helpline_month_count();
CREATE TRIGGER helpline_contact_ad AFTER DELETE ON helpline_contact
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION helpline_month_count();
CREATE TRIGGER helpline_contact_au AFTER UPDATE ON helpline_contact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION helpline_month_count();
