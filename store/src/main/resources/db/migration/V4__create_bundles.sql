-- Content-addressed code bundles: each file content is stored once in blobs, keyed by SHA-256;
-- a bundle version maps paths to blobs.
CREATE TABLE blobs (
    sha256  VARCHAR NOT NULL PRIMARY KEY,
    content BYTEA   NOT NULL,
    size    INTEGER NOT NULL
);

CREATE TABLE bundles (
    id         VARCHAR NOT NULL PRIMARY KEY,
    run_id     VARCHAR NOT NULL REFERENCES runs (id),
    version    INTEGER NOT NULL,
    base_id    VARCHAR REFERENCES bundles (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT bundles_run_version_key UNIQUE (run_id, version)
);

CREATE TABLE bundle_files (
    bundle_id VARCHAR NOT NULL REFERENCES bundles (id),
    path      VARCHAR NOT NULL,
    sha256    VARCHAR NOT NULL REFERENCES blobs (sha256),
    PRIMARY KEY (bundle_id, path)
);
