-- Niebieska Linia (issue 6): the contact register, its monthly summary
-- (kept by triggers, so statistics over millions of contacts read a few
-- thousand rows), duty schedules and agreements with gminas.
--
-- A contact holds no identifying field: no name, address or telephone.
-- Its optional note is sensitive: only exports for CAP_HELPLINE_NOTES
-- read it. Codes of channel and caller and the bits of forms, harmed,
-- help and referrals are listed in src/helpline/helpline.h.
CREATE TABLE helpline_contact (
    id         INTEGER PRIMARY KEY,
    region     TEXT NOT NULL REFERENCES woj(code),
    at         TEXT NOT NULL,      -- local time (Europe/Warsaw) YYYY-MM-DDTHH:MM
    channel    INTEGER NOT NULL CHECK (channel BETWEEN 1 AND 7),
    caller     INTEGER NOT NULL CHECK (caller BETWEEN 1 AND 4),
    gmina      TEXT REFERENCES gmina(teryt), -- NULL: not given
    forms      INTEGER NOT NULL DEFAULT 0,   -- bit set of forms of violence
    harmed     INTEGER NOT NULL DEFAULT 0,   -- bit set of who was harmed
    help       INTEGER NOT NULL DEFAULT 0,   -- bit set of help given
    referrals  INTEGER NOT NULL DEFAULT 0,   -- bit set of institutions
    minutes    INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 600),
    note       TEXT,               -- sensitive, never logged
    created_by TEXT,               -- login of the consultant
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX helpline_contact_region_at ON helpline_contact(region, at);
CREATE INDEX helpline_contact_at ON helpline_contact(at);

-- Contacts per region, month and gmina ('' when not given), with the
-- count of each channel (ch), caller's role (cr), form of violence (fo)
-- and harmed person (hm), and the minutes spent.
CREATE TABLE helpline_month (
    region  TEXT NOT NULL,
    month   TEXT NOT NULL,         -- YYYY-MM
    gmina   TEXT NOT NULL,
    n       INTEGER NOT NULL,
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
    PRIMARY KEY (region, month, gmina)
) WITHOUT ROWID;
CREATE INDEX helpline_month_month ON helpline_month(month);

CREATE TRIGGER helpline_contact_ai AFTER INSERT ON helpline_contact
BEGIN
    INSERT INTO helpline_month(region, month, gmina, n, minutes,
        ch1, ch2, ch3, ch4, ch5, ch6,
        ch7, cr1, cr2, cr3, cr4, fo1,
        fo2, fo3, fo4, fo5, fo6, hm1,
        hm2, hm3, hm4, hm5)
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
        (NEW.harmed & 16) != 0)
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
        hm5 = hm5 + excluded.hm5;
END;
CREATE TRIGGER helpline_contact_ad AFTER DELETE ON helpline_contact
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
        hm5 = hm5 - ((OLD.harmed & 16) != 0)
    WHERE region = OLD.region AND month = substr(OLD.at, 1, 7)
      AND gmina = coalesce(OLD.gmina, '');
END;
CREATE TRIGGER helpline_contact_au AFTER UPDATE ON helpline_contact
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
        hm5 = hm5 - ((OLD.harmed & 16) != 0)
    WHERE region = OLD.region AND month = substr(OLD.at, 1, 7)
      AND gmina = coalesce(OLD.gmina, '');
    INSERT INTO helpline_month(region, month, gmina, n, minutes,
        ch1, ch2, ch3, ch4, ch5, ch6,
        ch7, cr1, cr2, cr3, cr4, fo1,
        fo2, fo3, fo4, fo5, fo6, hm1,
        hm2, hm3, hm4, hm5)
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
        (NEW.harmed & 16) != 0)
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
        hm5 = hm5 + excluded.hm5;
END;

-- Legal duty hours and consultations: kind 1 legal duty, 2 psychological
-- consultation, 3 consultation for professionals; specialist codes in
-- helpline.h.
CREATE TABLE helpline_duty (
    id         INTEGER PRIMARY KEY,
    region     TEXT NOT NULL REFERENCES woj(code),
    kind       INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 3),
    specialist INTEGER NOT NULL CHECK (specialist BETWEEN 1 AND 6),
    city       TEXT NOT NULL,
    place      TEXT NOT NULL,
    day        TEXT NOT NULL,      -- YYYY-MM-DD
    start      TEXT NOT NULL,      -- HH:MM, local time
    finish     TEXT NOT NULL CHECK (finish > start)
);
CREATE INDEX helpline_duty_day ON helpline_duty(region, day, start);

-- The agreement of a gmina with the region (at most one per gmina): in
-- force from since until until (inclusive; NULL: open-ended).
CREATE TABLE helpline_agreement (
    gmina  TEXT PRIMARY KEY REFERENCES gmina(teryt),
    region TEXT NOT NULL REFERENCES woj(code),
    since  TEXT NOT NULL,          -- YYYY-MM-DD
    until  TEXT CHECK (until IS NULL OR until >= since)
);
CREATE INDEX helpline_agreement_region ON helpline_agreement(region);
