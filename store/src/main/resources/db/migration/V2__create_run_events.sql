-- The journal: per run, seq is 1, 2, 3 ... with no gaps, assigned from runs.last_seq.
CREATE TABLE run_events (
    run_id     VARCHAR NOT NULL REFERENCES runs (id),
    seq        BIGINT  NOT NULL,
    type       VARCHAR NOT NULL,
    payload    JSONB   NOT NULL,
    attempt    INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (run_id, seq)
);
