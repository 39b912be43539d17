-- The version of the helpline's register (issue 21): one more with every
-- change of a contact or of its referrals, so a process may keep answers
-- computed from them (the statistics) while it is unchanged.
CREATE TABLE helpline_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    v  BIGINT NOT NULL
);
INSERT INTO helpline_version(id, v) VALUES (1, 0);

-- Once a statement: a bulk insert bumps it once.
CREATE FUNCTION helpline_version_bump() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE helpline_version SET v = v + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER helpline_version_c
    AFTER INSERT OR UPDATE OR DELETE ON helpline_contact
    FOR EACH STATEMENT EXECUTE FUNCTION helpline_version_bump();
CREATE TRIGGER helpline_version_r
    AFTER INSERT OR UPDATE OR DELETE ON helpline_referral
    FOR EACH STATEMENT EXECUTE FUNCTION helpline_version_bump();
