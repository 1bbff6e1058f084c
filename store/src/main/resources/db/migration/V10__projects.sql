-- Projects: what a user builds, run after run. A deleted project keeps its rows (its runs'
-- journals may still be written by workflows that are stopping) but is gone for every reader.
CREATE TABLE projects (
    id         VARCHAR NOT NULL PRIMARY KEY,
    owner_id   VARCHAR NOT NULL REFERENCES users (id),
    name       VARCHAR NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX projects_owner_id_created_at_idx ON projects (owner_id, created_at);

-- A user's live projects have names unique whatever their case; a deleted one frees its name.
/* [jooq ignore start] */
CREATE UNIQUE INDEX projects_owner_id_name_idx ON projects (owner_id, lower(name))
    WHERE deleted_at IS NULL;
/* [jooq ignore stop] */

-- A run belongs to a project (runs from before projects existed belong to none). A client may
-- name its create request with an idempotency key: one run per owner and key, and the hash of the
-- request it was created by, so that the same key with another request can be refused.
ALTER TABLE runs ADD COLUMN project_id VARCHAR REFERENCES projects (id);
ALTER TABLE runs ADD COLUMN idempotency_key VARCHAR;
ALTER TABLE runs ADD COLUMN request_hash VARCHAR;

CREATE UNIQUE INDEX runs_owner_id_idempotency_key_idx ON runs (owner_id, idempotency_key);
CREATE INDEX runs_project_id_created_at_idx ON runs (project_id, created_at);
