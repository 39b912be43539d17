-- Grants (issue 17): organisations that register themselves to apply.
-- An organisation is an org_unit of kind 'organisation' of its gmina's
-- region (so that awards of the monitoring register already named for it
-- stay its own) with the facts of the offer template's first section; its
-- first account (role grantee) is made disabled and enabled when the
-- office confirms the registration, after the e-mail address was
-- confirmed. Personal data here (representatives' names and functions,
-- the contact address) serve the grant proceedings (ustawa o
-- działalności pożytku publicznego i o wolontariacie, art. 14-16); they
-- are to be kept as long as the organisation's offers (no erasure or
-- retention job exists yet).
CREATE TABLE grant_org (
    id                 INTEGER PRIMARY KEY,
    region             TEXT NOT NULL REFERENCES region(woj),
    unit_id            INTEGER NOT NULL UNIQUE REFERENCES org_unit(id),
    account_id         INTEGER REFERENCES account(id) ON DELETE SET NULL,
    name               TEXT NOT NULL,
    krs                TEXT NOT NULL,      -- 10 digits
    nip                TEXT,               -- 10 digits, check digit verified
    address            TEXT NOT NULL,
    gmina              TEXT NOT NULL,      -- TERYT, 7 digits
    email              TEXT NOT NULL,
    email_token        TEXT,               -- BLAKE2b of the link's token
    email_confirmed_at TEXT,
    status             TEXT NOT NULL DEFAULT 'pending'
                           CHECK (status IN ('pending', 'confirmed',
                                             'refused')),
    reason             TEXT,               -- the office's, on refusal
    decided_by         TEXT,
    decided_at         TEXT,
    created_at         TEXT NOT NULL,
    UNIQUE (region, krs)
);
CREATE INDEX grant_org_status ON grant_org(region, status);

-- The people who represent an organisation (the KRS's board members).
CREATE TABLE grant_org_person (
    org_id   INTEGER NOT NULL REFERENCES grant_org(id) ON DELETE CASCADE,
    pos      INTEGER NOT NULL,
    name     TEXT NOT NULL,
    function TEXT NOT NULL,
    PRIMARY KEY (org_id, pos)
);

-- Messages to send (the project has no mail transport yet): what the
-- system would e-mail, kept for the operator's mail relay and for tests.
CREATE TABLE grant_mail (
    id         INTEGER PRIMARY KEY,
    region     TEXT NOT NULL REFERENCES region(woj),
    to_addr    TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT
);
