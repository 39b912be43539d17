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

-- The counts of the contacts already stored, in one pass over them.
UPDATE helpline_month SET
    re1 = t.r1,
    re2 = t.r2,
    re3 = t.r3,
    re4 = t.r4,
    re5 = t.r5,
    re6 = t.r6,
    re7 = t.r7,
    re8 = t.r8
FROM (SELECT region, substr(at, 1, 7) AS month,
        coalesce(gmina, '') AS gmina,
        sum(CASE WHEN (referrals & 1) <> 0 THEN 1 ELSE 0 END) AS r1,
        sum(CASE WHEN (referrals & 2) <> 0 THEN 1 ELSE 0 END) AS r2,
        sum(CASE WHEN (referrals & 4) <> 0 THEN 1 ELSE 0 END) AS r3,
        sum(CASE WHEN (referrals & 8) <> 0 THEN 1 ELSE 0 END) AS r4,
        sum(CASE WHEN (referrals & 16) <> 0 THEN 1 ELSE 0 END) AS r5,
        sum(CASE WHEN (referrals & 32) <> 0 THEN 1 ELSE 0 END) AS r6,
        sum(CASE WHEN (referrals & 64) <> 0 THEN 1 ELSE 0 END) AS r7,
        sum(CASE WHEN (referrals & 128) <> 0 THEN 1 ELSE 0 END) AS r8
    FROM helpline_contact WHERE referrals <> 0 GROUP BY 1, 2, 3) AS t
WHERE helpline_month.region = t.region AND helpline_month.month = t.month
  AND helpline_month.gmina = t.gmina;

-- The trigger function of migration 0020, now with the referral types.
CREATE OR REPLACE FUNCTION helpline_month_count() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE helpline_month SET n = n - 1,
            minutes = minutes - coalesce(OLD.minutes, 0),
            ch1 = ch1 - CASE WHEN OLD.channel = 1 THEN 1 ELSE 0 END,
            ch2 = ch2 - CASE WHEN OLD.channel = 2 THEN 1 ELSE 0 END,
            ch3 = ch3 - CASE WHEN OLD.channel = 3 THEN 1 ELSE 0 END,
            ch4 = ch4 - CASE WHEN OLD.channel = 4 THEN 1 ELSE 0 END,
            ch5 = ch5 - CASE WHEN OLD.channel = 5 THEN 1 ELSE 0 END,
            ch6 = ch6 - CASE WHEN OLD.channel = 6 THEN 1 ELSE 0 END,
            ch7 = ch7 - CASE WHEN OLD.channel = 7 THEN 1 ELSE 0 END,
            cr1 = cr1 - CASE WHEN OLD.caller = 1 THEN 1 ELSE 0 END,
            cr2 = cr2 - CASE WHEN OLD.caller = 2 THEN 1 ELSE 0 END,
            cr3 = cr3 - CASE WHEN OLD.caller = 3 THEN 1 ELSE 0 END,
            cr4 = cr4 - CASE WHEN OLD.caller = 4 THEN 1 ELSE 0 END,
            fo1 = fo1 - CASE WHEN (OLD.forms & 1) <> 0 THEN 1 ELSE 0 END,
            fo2 = fo2 - CASE WHEN (OLD.forms & 2) <> 0 THEN 1 ELSE 0 END,
            fo3 = fo3 - CASE WHEN (OLD.forms & 4) <> 0 THEN 1 ELSE 0 END,
            fo4 = fo4 - CASE WHEN (OLD.forms & 8) <> 0 THEN 1 ELSE 0 END,
            fo5 = fo5 - CASE WHEN (OLD.forms & 16) <> 0 THEN 1 ELSE 0 END,
            fo6 = fo6 - CASE WHEN (OLD.forms & 32) <> 0 THEN 1 ELSE 0 END,
            hm1 = hm1 - CASE WHEN (OLD.harmed & 1) <> 0 THEN 1 ELSE 0 END,
            hm2 = hm2 - CASE WHEN (OLD.harmed & 2) <> 0 THEN 1 ELSE 0 END,
            hm3 = hm3 - CASE WHEN (OLD.harmed & 4) <> 0 THEN 1 ELSE 0 END,
            hm4 = hm4 - CASE WHEN (OLD.harmed & 8) <> 0 THEN 1 ELSE 0 END,
            hm5 = hm5 - CASE WHEN (OLD.harmed & 16) <> 0 THEN 1 ELSE 0 END,
            re1 = re1 - CASE WHEN (OLD.referrals & 1) <> 0 THEN 1 ELSE 0 END,
            re2 = re2 - CASE WHEN (OLD.referrals & 2) <> 0 THEN 1 ELSE 0 END,
            re3 = re3 - CASE WHEN (OLD.referrals & 4) <> 0 THEN 1 ELSE 0 END,
            re4 = re4 - CASE WHEN (OLD.referrals & 8) <> 0 THEN 1 ELSE 0 END,
            re5 = re5 - CASE WHEN (OLD.referrals & 16) <> 0 THEN 1 ELSE 0 END,
            re6 = re6 - CASE WHEN (OLD.referrals & 32) <> 0 THEN 1 ELSE 0 END,
            re7 = re7 - CASE WHEN (OLD.referrals & 64) <> 0 THEN 1 ELSE 0 END,
            re8 = re8 - CASE WHEN (OLD.referrals & 128) <> 0 THEN 1 ELSE 0 END
        WHERE region = OLD.region AND month = substr(OLD.at, 1, 7)
          AND gmina = coalesce(OLD.gmina, '');
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO helpline_month(region, month, gmina, n, minutes,
            ch1, ch2, ch3, ch4, ch5, ch6, ch7, cr1,
            cr2, cr3, cr4, fo1, fo2, fo3, fo4, fo5,
            fo6, hm1, hm2, hm3, hm4, hm5, re1, re2,
            re3, re4, re5, re6, re7, re8)
        VALUES (NEW.region, substr(NEW.at, 1, 7), coalesce(NEW.gmina, ''), 1,
            coalesce(NEW.minutes, 0),
            CASE WHEN NEW.channel = 1 THEN 1 ELSE 0 END,
            CASE WHEN NEW.channel = 2 THEN 1 ELSE 0 END,
            CASE WHEN NEW.channel = 3 THEN 1 ELSE 0 END,
            CASE WHEN NEW.channel = 4 THEN 1 ELSE 0 END,
            CASE WHEN NEW.channel = 5 THEN 1 ELSE 0 END,
            CASE WHEN NEW.channel = 6 THEN 1 ELSE 0 END,
            CASE WHEN NEW.channel = 7 THEN 1 ELSE 0 END,
            CASE WHEN NEW.caller = 1 THEN 1 ELSE 0 END,
            CASE WHEN NEW.caller = 2 THEN 1 ELSE 0 END,
            CASE WHEN NEW.caller = 3 THEN 1 ELSE 0 END,
            CASE WHEN NEW.caller = 4 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.forms & 1) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.forms & 2) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.forms & 4) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.forms & 8) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.forms & 16) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.forms & 32) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.harmed & 1) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.harmed & 2) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.harmed & 4) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.harmed & 8) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.harmed & 16) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.referrals & 1) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.referrals & 2) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.referrals & 4) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.referrals & 8) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.referrals & 16) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.referrals & 32) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.referrals & 64) <> 0 THEN 1 ELSE 0 END,
            CASE WHEN (NEW.referrals & 128) <> 0 THEN 1 ELSE 0 END)
        ON CONFLICT (region, month, gmina) DO UPDATE SET
            n = helpline_month.n + 1,
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
            re8 = helpline_month.re8 + excluded.re8;
    END IF;
    RETURN NULL;
END $$;
