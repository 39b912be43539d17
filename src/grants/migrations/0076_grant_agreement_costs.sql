-- Grants (issue 17): the updated cost estimate of an agreement whose grant
-- is lower than the offer asked (the template's "zaktualizowany
-- kosztorys"): cost lines by kind as the offer's, summing to the grant
-- awarded plus the own contribution. A report's cost execution (its
-- grant_report_cost.pos) is by line of this estimate when the agreement
-- has one, else of the offer's.
CREATE TABLE grant_agreement_cost (
    offer_id   INTEGER NOT NULL REFERENCES grant_agreement(offer_id)
                   ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('action', 'admin')),
    name       TEXT NOT NULL,
    total      INTEGER NOT NULL CHECK (total >= 0),      -- grosze
    grant_part INTEGER NOT NULL CHECK (grant_part >= 0),
    own_fin    INTEGER NOT NULL CHECK (own_fin >= 0),
    own_nonfin INTEGER NOT NULL CHECK (own_nonfin >= 0),
    PRIMARY KEY (offer_id, pos)
);
