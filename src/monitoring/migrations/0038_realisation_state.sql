-- The version of each plan's realisation (issue 21): every write to its
-- entries, bindings of computed indicators or narratives changes v, by
-- these triggers, so the realisation page a server keeps rendered
-- (monitoring/page_cache.c) is never served after a change made by any
-- path or process. v is a random number rather than a counter, as
-- dir_version's (migration 0011), so that no two states of a plan share
-- one by accident. Rows of deleted plans stay (two numbers each).
CREATE TABLE realisation_state (
    plan_id INTEGER PRIMARY KEY,
    v       INTEGER NOT NULL
);

CREATE TRIGGER realisation_state_entry_i AFTER INSERT ON realisation
BEGIN
    INSERT INTO realisation_state(plan_id, v) VALUES (NEW.plan_id, random())
        ON CONFLICT(plan_id) DO UPDATE SET v = excluded.v;
END;

CREATE TRIGGER realisation_state_entry_u AFTER UPDATE ON realisation
BEGIN
    INSERT INTO realisation_state(plan_id, v) VALUES (NEW.plan_id, random())
        ON CONFLICT(plan_id) DO UPDATE SET v = excluded.v;
END;

CREATE TRIGGER realisation_state_entry_d AFTER DELETE ON realisation
BEGIN
    INSERT INTO realisation_state(plan_id, v) VALUES (OLD.plan_id, random())
        ON CONFLICT(plan_id) DO UPDATE SET v = excluded.v;
END;

CREATE TRIGGER realisation_state_binding_i AFTER INSERT ON computed_indicator
BEGIN
    INSERT INTO realisation_state(plan_id, v) VALUES (NEW.plan_id, random())
        ON CONFLICT(plan_id) DO UPDATE SET v = excluded.v;
END;

CREATE TRIGGER realisation_state_binding_u AFTER UPDATE ON computed_indicator
BEGIN
    INSERT INTO realisation_state(plan_id, v) VALUES (NEW.plan_id, random())
        ON CONFLICT(plan_id) DO UPDATE SET v = excluded.v;
END;

CREATE TRIGGER realisation_state_binding_d AFTER DELETE ON computed_indicator
BEGIN
    INSERT INTO realisation_state(plan_id, v) VALUES (OLD.plan_id, random())
        ON CONFLICT(plan_id) DO UPDATE SET v = excluded.v;
END;

CREATE TRIGGER realisation_state_narrative_i AFTER INSERT ON task_narrative
BEGIN
    INSERT INTO realisation_state(plan_id, v) VALUES (NEW.plan_id, random())
        ON CONFLICT(plan_id) DO UPDATE SET v = excluded.v;
END;

CREATE TRIGGER realisation_state_narrative_u AFTER UPDATE ON task_narrative
BEGIN
    INSERT INTO realisation_state(plan_id, v) VALUES (NEW.plan_id, random())
        ON CONFLICT(plan_id) DO UPDATE SET v = excluded.v;
END;

CREATE TRIGGER realisation_state_narrative_d AFTER DELETE ON task_narrative
BEGIN
    INSERT INTO realisation_state(plan_id, v) VALUES (OLD.plan_id, random())
        ON CONFLICT(plan_id) DO UPDATE SET v = excluded.v;
END;
