-- One row per run: what was asked, where it stands, and the journal's last sequence number.
-- Keys and labels are VARCHAR (the same as TEXT in PostgreSQL) so the build can read this file.
CREATE TABLE runs (
    id           VARCHAR NOT NULL PRIMARY KEY,
    prompt       TEXT    NOT NULL,
    status       VARCHAR NOT NULL,
    project_name VARCHAR,
    options      JSONB,
    result       JSONB,
    last_seq     BIGINT  NOT NULL DEFAULT 0,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX runs_created_at_idx ON runs (created_at);
