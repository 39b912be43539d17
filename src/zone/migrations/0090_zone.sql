-- The professionals' zone (issue 19): accounts of professionals confirmed
-- by a moderator, the forum and the base of good practices.

-- The role "professional". Adding a value to the CHECK of account.role
-- only widens it, so instead of rebuilding the table (which SQLite cannot
-- do inside a transaction with foreign keys on without rewriting every
-- REFERENCES account) the stored definition gets the new value after
-- 'grantee', wherever that stands (another role added later keeps its
-- place). PostgreSQL's twin replaces the constraint.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''grantee''', '''grantee'', ''professional''')
 WHERE type = 'table' AND name = 'account'
   AND instr(sql, '''professional''') = 0;
PRAGMA writable_schema = RESET;

-- What a professional told when registering. Purpose: the account of the
-- zone; kept while the account exists; the person sees it on /forum/konto
-- and a moderator erases it with the account (ON DELETE CASCADE).
CREATE TABLE professional (
    account_id  INTEGER PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    institution TEXT NOT NULL,
    gmina       TEXT NOT NULL REFERENCES gmina(teryt),
    grp         TEXT NOT NULL,          -- professional group code
    state       TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'confirmed', 'rejected')),
    created_at  TEXT NOT NULL,
    decided_at  TEXT,
    decided_by  TEXT                    -- moderator's login
);
CREATE INDEX professional_state ON professional(state, created_at);

-- Forum categories, set by the office of a region.
CREATE TABLE forum_category (
    id          INTEGER PRIMARY KEY,
    region      TEXT NOT NULL REFERENCES region(woj),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (region, name)
);

CREATE TABLE forum_thread (
    id           INTEGER PRIMARY KEY,
    category_id  INTEGER NOT NULL REFERENCES forum_category(id),
    title        TEXT NOT NULL,
    author_id    INTEGER NOT NULL REFERENCES account(id),
    created_at   TEXT NOT NULL,
    last_post_id INTEGER NOT NULL DEFAULT 0,  -- newest visible post
    last_post_at TEXT NOT NULL,
    posts        INTEGER NOT NULL DEFAULT 0,  -- visible posts
    pinned       INTEGER NOT NULL DEFAULT 0,
    locked       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX forum_thread_list
    ON forum_thread(category_id, pinned, last_post_at);

-- Posts: the text as written (shown through the markup of zone/markup.c)
-- and its folded words for the search. A hidden post stays for the
-- moderators, with the reason.
CREATE TABLE forum_post (
    id            INTEGER PRIMARY KEY,
    thread_id     INTEGER NOT NULL REFERENCES forum_thread(id),
    author_id     INTEGER NOT NULL REFERENCES account(id),
    body          TEXT NOT NULL,
    folded        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    hidden        INTEGER NOT NULL DEFAULT 0,
    hidden_reason TEXT,
    hidden_by     TEXT,
    hidden_at     TEXT
);
CREATE INDEX forum_post_thread ON forum_post(thread_id, id);

-- Files of a post (PDF, PNG, JPEG: type checked by content).
CREATE TABLE forum_attachment (
    id       INTEGER PRIMARY KEY,
    post_id  INTEGER NOT NULL REFERENCES forum_post(id),
    filename TEXT NOT NULL,
    mime     TEXT NOT NULL,
    size     INTEGER NOT NULL,
    data     BLOB NOT NULL
);
CREATE INDEX forum_attachment_post ON forum_attachment(post_id);

-- Reports of posts by users; closed when a moderator acts on them.
CREATE TABLE forum_report (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES forum_post(id),
    account_id  INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    closed_at   TEXT,
    UNIQUE (post_id, account_id)
);
CREATE INDEX forum_report_open ON forum_report(closed_at, id);

-- The newest post of each thread a user has seen (unread threads).
CREATE TABLE forum_read (
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    thread_id  INTEGER NOT NULL REFERENCES forum_thread(id),
    post_id    INTEGER NOT NULL,
    PRIMARY KEY (account_id, thread_id)
);

-- Good practices: proposed by professionals, public once accepted.
CREATE TABLE practice (
    id           INTEGER PRIMARY KEY,
    region       TEXT NOT NULL REFERENCES region(woj),
    gmina        TEXT NOT NULL REFERENCES gmina(teryt),
    area         TEXT NOT NULL,          -- code of zone/strings_pl.h areas
    topic        TEXT NOT NULL,
    title        TEXT NOT NULL,
    institutions TEXT NOT NULL,
    problem      TEXT NOT NULL,
    actions      TEXT NOT NULL,
    results      TEXT NOT NULL,
    contact      TEXT NOT NULL,
    folded       TEXT NOT NULL,          -- every text folded, for search
    state        TEXT NOT NULL DEFAULT 'proposed'
                 CHECK (state IN ('proposed', 'accepted', 'rejected')),
    proposed_by  INTEGER REFERENCES account(id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    decided_at   TEXT,
    decided_by   TEXT
);
CREATE INDEX practice_gmina ON practice(gmina, state);
CREATE INDEX practice_state ON practice(state, region);
