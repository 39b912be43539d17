-- Bulk loads of the helpline's register (issue 21): while a row of
-- helpline_bulk exists, inside the transaction of `rodzina helpline
-- import` and never seen outside it, the triggers of the contacts leave the
-- monthly summary alone; the import rebuilds the summary of the months it
-- loaded once, at its end, from the contacts (the summaries of migration
-- 0022 follow helpline_month's rows as ever) and bumps the register's
-- version (0023) once. Otherwise the triggers of migrations 0021 and 0023,
-- unchanged.
CREATE TABLE helpline_bulk (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER helpline_contact_ai;
DROP TRIGGER helpline_contact_ad;
DROP TRIGGER helpline_contact_au;
CREATE TRIGGER helpline_contact_ai AFTER INSERT ON helpline_contact
    WHEN NOT EXISTS (SELECT 1 FROM helpline_bulk)
BEGIN
    INSERT INTO helpline_month(region, month, gmina, n, minutes,
        ch1, ch2, ch3, ch4, ch5, ch6,
        ch7, cr1, cr2, cr3, cr4, fo1,
        fo2, fo3, fo4, fo5, fo6, hm1,
        hm2, hm3, hm4, hm5, re1, re2,
        re3, re4, re5, re6, re7, re8)
    VALUES (NEW.region, substr(NEW.at, 1, 7), coalesce(NEW.gmina, ''), 1,
        coalesce(NEW.minutes, 0),
        NEW.channel = 1,
        NEW.channel = 2,
        NEW.channel = 3,
        NEW.channel = 4,
        NEW.channel = 5,
        NEW.channel = 6,
        NEW.channel = 7,
        NEW.caller = 1,
        NEW.caller = 2,
        NEW.caller = 3,
        NEW.caller = 4,
        (NEW.forms & 1) != 0,
        (NEW.forms & 2) != 0,
        (NEW.forms & 4) != 0,
        (NEW.forms & 8) != 0,
        (NEW.forms & 16) != 0,
        (NEW.forms & 32) != 0,
        (NEW.harmed & 1) != 0,
        (NEW.harmed & 2) != 0,
        (NEW.harmed & 4) != 0,
        (NEW.harmed & 8) != 0,
        (NEW.harmed & 16) != 0,
        (NEW.referrals & 1) != 0,
        (NEW.referrals & 2) != 0,
        (NEW.referrals & 4) != 0,
        (NEW.referrals & 8) != 0,
        (NEW.referrals & 16) != 0,
        (NEW.referrals & 32) != 0,
        (NEW.referrals & 64) != 0,
        (NEW.referrals & 128) != 0)
    ON CONFLICT(region, month, gmina) DO UPDATE SET n = n + 1,
        minutes = minutes + excluded.minutes,
        ch1 = ch1 + excluded.ch1,
        ch2 = ch2 + excluded.ch2,
        ch3 = ch3 + excluded.ch3,
        ch4 = ch4 + excluded.ch4,
        ch5 = ch5 + excluded.ch5,
        ch6 = ch6 + excluded.ch6,
        ch7 = ch7 + excluded.ch7,
        cr1 = cr1 + excluded.cr1,
        cr2 = cr2 + excluded.cr2,
        cr3 = cr3 + excluded.cr3,
        cr4 = cr4 + excluded.cr4,
        fo1 = fo1 + excluded.fo1,
        fo2 = fo2 + excluded.fo2,
        fo3 = fo3 + excluded.fo3,
        fo4 = fo4 + excluded.fo4,
        fo5 = fo5 + excluded.fo5,
        fo6 = fo6 + excluded.fo6,
        hm1 = hm1 + excluded.hm1,
        hm2 = hm2 + excluded.hm2,
        hm3 = hm3 + excluded.hm3,
        hm4 = hm4 + excluded.hm4,
        hm5 = hm5 + excluded.hm5,
        re1 = re1 + excluded.re1,
        re2 = re2 + excluded.re2,
        re3 = re3 + excluded.re3,
        re4 = re4 + excluded.re4,
        re5 = re5 + excluded.re5,
        re6 = re6 + excluded.re6,
        re7 = re7 + excluded.re7,
        re8 = re8 + excluded.re8;
END;
CREATE TRIGGER helpline_contact_ad AFTER DELETE ON helpline_contact
    WHEN NOT EXISTS (SELECT 1 FROM helpline_bulk)
BEGIN
    UPDATE helpline_month SET n = n - 1,
        minutes = minutes - coalesce(OLD.minutes, 0),
        ch1 = ch1 - (OLD.channel = 1),
        ch2 = ch2 - (OLD.channel = 2),
        ch3 = ch3 - (OLD.channel = 3),
        ch4 = ch4 - (OLD.channel = 4),
        ch5 = ch5 - (OLD.channel = 5),
        ch6 = ch6 - (OLD.channel = 6),
        ch7 = ch7 - (OLD.channel = 7),
        cr1 = cr1 - (OLD.caller = 1),
        cr2 = cr2 - (OLD.caller = 2),
        cr3 = cr3 - (OLD.caller = 3),
        cr4 = cr4 - (OLD.caller = 4),
        fo1 = fo1 - ((OLD.forms & 1) != 0),
        fo2 = fo2 - ((OLD.forms & 2) != 0),
        fo3 = fo3 - ((OLD.forms & 4) != 0),
        fo4 = fo4 - ((OLD.forms & 8) != 0),
        fo5 = fo5 - ((OLD.forms & 16) != 0),
        fo6 = fo6 - ((OLD.forms & 32) != 0),
        hm1 = hm1 - ((OLD.harmed & 1) != 0),
        hm2 = hm2 - ((OLD.harmed & 2) != 0),
        hm3 = hm3 - ((OLD.harmed & 4) != 0),
        hm4 = hm4 - ((OLD.harmed & 8) != 0),
        hm5 = hm5 - ((OLD.harmed & 16) != 0),
        re1 = re1 - ((OLD.referrals & 1) != 0),
        re2 = re2 - ((OLD.referrals & 2) != 0),
        re3 = re3 - ((OLD.referrals & 4) != 0),
        re4 = re4 - ((OLD.referrals & 8) != 0),
        re5 = re5 - ((OLD.referrals & 16) != 0),
        re6 = re6 - ((OLD.referrals & 32) != 0),
        re7 = re7 - ((OLD.referrals & 64) != 0),
        re8 = re8 - ((OLD.referrals & 128) != 0)
    WHERE region = OLD.region AND month = substr(OLD.at, 1, 7)
      AND gmina = coalesce(OLD.gmina, '');
END;
CREATE TRIGGER helpline_contact_au AFTER UPDATE ON helpline_contact
    WHEN NOT EXISTS (SELECT 1 FROM helpline_bulk)
BEGIN
    UPDATE helpline_month SET n = n - 1,
        minutes = minutes - coalesce(OLD.minutes, 0),
        ch1 = ch1 - (OLD.channel = 1),
        ch2 = ch2 - (OLD.channel = 2),
        ch3 = ch3 - (OLD.channel = 3),
        ch4 = ch4 - (OLD.channel = 4),
        ch5 = ch5 - (OLD.channel = 5),
        ch6 = ch6 - (OLD.channel = 6),
        ch7 = ch7 - (OLD.channel = 7),
        cr1 = cr1 - (OLD.caller = 1),
        cr2 = cr2 - (OLD.caller = 2),
        cr3 = cr3 - (OLD.caller = 3),
        cr4 = cr4 - (OLD.caller = 4),
        fo1 = fo1 - ((OLD.forms & 1) != 0),
        fo2 = fo2 - ((OLD.forms & 2) != 0),
        fo3 = fo3 - ((OLD.forms & 4) != 0),
        fo4 = fo4 - ((OLD.forms & 8) != 0),
        fo5 = fo5 - ((OLD.forms & 16) != 0),
        fo6 = fo6 - ((OLD.forms & 32) != 0),
        hm1 = hm1 - ((OLD.harmed & 1) != 0),
        hm2 = hm2 - ((OLD.harmed & 2) != 0),
        hm3 = hm3 - ((OLD.harmed & 4) != 0),
        hm4 = hm4 - ((OLD.harmed & 8) != 0),
        hm5 = hm5 - ((OLD.harmed & 16) != 0),
        re1 = re1 - ((OLD.referrals & 1) != 0),
        re2 = re2 - ((OLD.referrals & 2) != 0),
        re3 = re3 - ((OLD.referrals & 4) != 0),
        re4 = re4 - ((OLD.referrals & 8) != 0),
        re5 = re5 - ((OLD.referrals & 16) != 0),
        re6 = re6 - ((OLD.referrals & 32) != 0),
        re7 = re7 - ((OLD.referrals & 64) != 0),
        re8 = re8 - ((OLD.referrals & 128) != 0)
    WHERE region = OLD.region AND month = substr(OLD.at, 1, 7)
      AND gmina = coalesce(OLD.gmina, '');
    INSERT INTO helpline_month(region, month, gmina, n, minutes,
        ch1, ch2, ch3, ch4, ch5, ch6,
        ch7, cr1, cr2, cr3, cr4, fo1,
        fo2, fo3, fo4, fo5, fo6, hm1,
        hm2, hm3, hm4, hm5, re1, re2,
        re3, re4, re5, re6, re7, re8)
    VALUES (NEW.region, substr(NEW.at, 1, 7), coalesce(NEW.gmina, ''), 1,
        coalesce(NEW.minutes, 0),
        NEW.channel = 1,
        NEW.channel = 2,
        NEW.channel = 3,
        NEW.channel = 4,
        NEW.channel = 5,
        NEW.channel = 6,
        NEW.channel = 7,
        NEW.caller = 1,
        NEW.caller = 2,
        NEW.caller = 3,
        NEW.caller = 4,
        (NEW.forms & 1) != 0,
        (NEW.forms & 2) != 0,
        (NEW.forms & 4) != 0,
        (NEW.forms & 8) != 0,
        (NEW.forms & 16) != 0,
        (NEW.forms & 32) != 0,
        (NEW.harmed & 1) != 0,
        (NEW.harmed & 2) != 0,
        (NEW.harmed & 4) != 0,
        (NEW.harmed & 8) != 0,
        (NEW.harmed & 16) != 0,
        (NEW.referrals & 1) != 0,
        (NEW.referrals & 2) != 0,
        (NEW.referrals & 4) != 0,
        (NEW.referrals & 8) != 0,
        (NEW.referrals & 16) != 0,
        (NEW.referrals & 32) != 0,
        (NEW.referrals & 64) != 0,
        (NEW.referrals & 128) != 0)
    ON CONFLICT(region, month, gmina) DO UPDATE SET n = n + 1,
        minutes = minutes + excluded.minutes,
        ch1 = ch1 + excluded.ch1,
        ch2 = ch2 + excluded.ch2,
        ch3 = ch3 + excluded.ch3,
        ch4 = ch4 + excluded.ch4,
        ch5 = ch5 + excluded.ch5,
        ch6 = ch6 + excluded.ch6,
        ch7 = ch7 + excluded.ch7,
        cr1 = cr1 + excluded.cr1,
        cr2 = cr2 + excluded.cr2,
        cr3 = cr3 + excluded.cr3,
        cr4 = cr4 + excluded.cr4,
        fo1 = fo1 + excluded.fo1,
        fo2 = fo2 + excluded.fo2,
        fo3 = fo3 + excluded.fo3,
        fo4 = fo4 + excluded.fo4,
        fo5 = fo5 + excluded.fo5,
        fo6 = fo6 + excluded.fo6,
        hm1 = hm1 + excluded.hm1,
        hm2 = hm2 + excluded.hm2,
        hm3 = hm3 + excluded.hm3,
        hm4 = hm4 + excluded.hm4,
        hm5 = hm5 + excluded.hm5,
        re1 = re1 + excluded.re1,
        re2 = re2 + excluded.re2,
        re3 = re3 + excluded.re3,
        re4 = re4 + excluded.re4,
        re5 = re5 + excluded.re5,
        re6 = re6 + excluded.re6,
        re7 = re7 + excluded.re7,
        re8 = re8 + excluded.re8;
END;
DROP TRIGGER helpline_version_ci;
DROP TRIGGER helpline_version_cu;
DROP TRIGGER helpline_version_cd;
CREATE TRIGGER helpline_version_ci AFTER INSERT ON helpline_contact
    WHEN NOT EXISTS (SELECT 1 FROM helpline_bulk)
BEGIN
    UPDATE helpline_version SET v = v + 1;
END;
CREATE TRIGGER helpline_version_cu AFTER UPDATE ON helpline_contact
    WHEN NOT EXISTS (SELECT 1 FROM helpline_bulk)
BEGIN
    UPDATE helpline_version SET v = v + 1;
END;
CREATE TRIGGER helpline_version_cd AFTER DELETE ON helpline_contact
    WHEN NOT EXISTS (SELECT 1 FROM helpline_bulk)
BEGIN
    UPDATE helpline_version SET v = v + 1;
END;
