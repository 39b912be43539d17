-- PostgreSQL twin of ../0038_realisation_state.sql: random() there is a
-- random 64-bit integer, here a random fraction scaled to 63 bits.
-- The version of each plan's realisation (issue 21): every write to its
-- entries, bindings of computed indicators or narratives changes v, by
-- these triggers, so the realisation page a server keeps rendered
-- (monitoring/page_cache.c) is never served after a change made by any
-- path or process. Rows of deleted plans stay (two numbers each).
CREATE TABLE realisation_state (
    plan_id BIGINT PRIMARY KEY,
    v       BIGINT NOT NULL
);

CREATE FUNCTION realisation_state_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO realisation_state(plan_id, v)
        VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.plan_id ELSE NEW.plan_id END,
                (random() * 9e18)::bigint)
        ON CONFLICT (plan_id) DO UPDATE SET v = excluded.v;
    RETURN NULL;
END $$;

CREATE TRIGGER realisation_state_entry_i AFTER INSERT ON realisation
    FOR EACH ROW EXECUTE FUNCTION realisation_state_bump();
CREATE TRIGGER realisation_state_entry_u AFTER UPDATE ON realisation
    FOR EACH ROW EXECUTE FUNCTION realisation_state_bump();
CREATE TRIGGER realisation_state_entry_d AFTER DELETE ON realisation
    FOR EACH ROW EXECUTE FUNCTION realisation_state_bump();
CREATE TRIGGER realisation_state_binding_i AFTER INSERT ON computed_indicator
    FOR EACH ROW EXECUTE FUNCTION realisation_state_bump();
CREATE TRIGGER realisation_state_binding_u AFTER UPDATE ON computed_indicator
    FOR EACH ROW EXECUTE FUNCTION realisation_state_bump();
CREATE TRIGGER realisation_state_binding_d AFTER DELETE ON computed_indicator
    FOR EACH ROW EXECUTE FUNCTION realisation_state_bump();
CREATE TRIGGER realisation_state_narrative_i AFTER INSERT ON task_narrative
    FOR EACH ROW EXECUTE FUNCTION realisation_state_bump();
CREATE TRIGGER realisation_state_narrative_u AFTER UPDATE ON task_narrative
    FOR EACH ROW EXECUTE FUNCTION realisation_state_bump();
CREATE TRIGGER realisation_state_narrative_d AFTER DELETE ON task_narrative
    FOR EACH ROW EXECUTE FUNCTION realisation_state_bump();
