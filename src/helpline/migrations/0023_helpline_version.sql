-- The version of the helpline's register (issue 21): one more with every
-- change of a contact or of its referrals, so a process may keep answers
-- computed from them (the statistics) while it is unchanged.
CREATE TABLE helpline_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    v  INTEGER NOT NULL
);
INSERT INTO helpline_version(id, v) VALUES (1, 0);

CREATE TRIGGER helpline_version_ci AFTER INSERT ON helpline_contact
BEGIN
    UPDATE helpline_version SET v = v + 1;
END;
CREATE TRIGGER helpline_version_cu AFTER UPDATE ON helpline_contact
BEGIN
    UPDATE helpline_version SET v = v + 1;
END;
CREATE TRIGGER helpline_version_cd AFTER DELETE ON helpline_contact
BEGIN
    UPDATE helpline_version SET v = v + 1;
END;
CREATE TRIGGER helpline_version_ri AFTER INSERT ON helpline_referral
BEGIN
    UPDATE helpline_version SET v = v + 1;
END;
CREATE TRIGGER helpline_version_ru AFTER UPDATE ON helpline_referral
BEGIN
    UPDATE helpline_version SET v = v + 1;
END;
CREATE TRIGGER helpline_version_rd AFTER DELETE ON helpline_referral
BEGIN
    UPDATE helpline_version SET v = v + 1;
END;
