-- One row per project service that runs (or ran) in the sandbox: a redeploy replaces the row.
CREATE TABLE deployments (
    project      VARCHAR NOT NULL PRIMARY KEY,
    run_id       VARCHAR NOT NULL REFERENCES runs (id),
    container_id VARCHAR NOT NULL,
    image        VARCHAR NOT NULL,
    host_port    INTEGER NOT NULL,
    url          VARCHAR NOT NULL,
    status       VARCHAR NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
