-- Grants (issue 17): the agreement of a funded offer (its number, the
-- day it was signed, the grant and what was paid of it), the
-- organisation's partial and final reports (results achieved, final
-- beneficiaries, cost execution by line of the offer's estimate) with
-- the office's acceptance or return, and the settlement (funds returned)
-- when the final report is accepted. register_id links a call to its row
-- of monitoring's register of competitions, which the module keeps up to
-- date for the computed indicators.
ALTER TABLE grant_call ADD COLUMN register_id INTEGER;

CREATE TABLE grant_agreement (
    offer_id        INTEGER PRIMARY KEY REFERENCES grant_offer(id)
                        ON DELETE CASCADE,
    number          TEXT NOT NULL,
    signed_on       TEXT NOT NULL,        -- ISO date
    amount_grosze   INTEGER NOT NULL CHECK (amount_grosze >= 0),
    paid_grosze     INTEGER NOT NULL CHECK (paid_grosze >= 0),
    returned_grosze INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL DEFAULT 'signed'
                        CHECK (status IN ('signed', 'settled')),
    created_by      TEXT,
    created_at      TEXT NOT NULL
);

CREATE TABLE grant_report (
    id            INTEGER PRIMARY KEY,
    offer_id      INTEGER NOT NULL REFERENCES grant_offer(id)
                      ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('partial', 'final')),
    initiatives   INTEGER NOT NULL CHECK (initiatives >= 0),
    beneficiaries INTEGER NOT NULL CHECK (beneficiaries >= 0),
    note          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'submitted'
                      CHECK (status IN ('submitted', 'accepted',
                                        'returned')),
    comment       TEXT,
    submitted_by  TEXT,
    submitted_at  TEXT NOT NULL,
    decided_by    TEXT,
    decided_at    TEXT
);
CREATE INDEX grant_report_offer ON grant_report(offer_id);

-- Cost execution of a report, by line of the offer's estimate.
CREATE TABLE grant_report_cost (
    report_id   INTEGER NOT NULL REFERENCES grant_report(id)
                    ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    spent_grant INTEGER NOT NULL CHECK (spent_grant >= 0),
    spent_own   INTEGER NOT NULL CHECK (spent_own >= 0),
    PRIMARY KEY (report_id, pos)
);
