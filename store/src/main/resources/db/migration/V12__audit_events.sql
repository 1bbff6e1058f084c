-- Who did what: sign-ins (and refused ones), tokens issued and revoked, runs created, cancelled
-- and decided, deployments started and stopped, projects deleted. Append-only: a trigger refuses
-- every UPDATE, DELETE and TRUNCATE, so a row once written stays as it was. No foreign keys: an
-- event outlives the user, project or run it names (nothing cascades into it, nothing is blocked
-- by it). The actor is null only for a refused sign-in with a login that names no user.
CREATE TABLE audit_events (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    actor_id       VARCHAR,
    action         VARCHAR NOT NULL,
    subject_type   VARCHAR,
    subject_id     VARCHAR,
    project_id     VARCHAR,
    detail         JSONB NOT NULL,
    client_address VARCHAR
);

CREATE INDEX audit_events_actor_id_id_idx ON audit_events (actor_id, id);
CREATE INDEX audit_events_project_id_id_idx ON audit_events (project_id, id);

-- The build's DDL simulation cannot read PL/pgSQL, so it skips the guard.
/* [jooq ignore start] */
CREATE FUNCTION audit_events_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_change
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
/* [jooq ignore stop] */
