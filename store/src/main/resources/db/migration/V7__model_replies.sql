-- Each model reply, kept the moment it arrives and before anything is done with it, so that a
-- retried activity reuses what its earlier attempt paid for instead of buying it again. The key is
-- the n-th call (ordinal 1, 2, ...; a repair re-ask is the second) of one activity of one workflow.
-- request_sha256 names the request (model, messages, schema): a reply is reused for that one only.
CREATE TABLE model_replies (
    workflow_id       VARCHAR NOT NULL,
    activity_id       VARCHAR NOT NULL,
    ordinal           INTEGER NOT NULL,
    run_id            VARCHAR NOT NULL REFERENCES runs (id),
    attempt           INTEGER NOT NULL,
    request_sha256    VARCHAR NOT NULL,
    reply_text        TEXT    NOT NULL,
    model             VARCHAR NOT NULL,
    endpoint          VARCHAR NOT NULL,
    prompt_tokens     BIGINT  NOT NULL,
    completion_tokens BIGINT  NOT NULL,
    latency_ms        BIGINT  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (workflow_id, activity_id, ordinal)
);

CREATE INDEX model_replies_run_idx ON model_replies (run_id);

-- Names the purchase a usage row records (which call of which activity, bought in which attempt),
-- so that recording it again adds nothing. Rows recorded without a key may repeat.
ALTER TABLE llm_calls ADD COLUMN call_key VARCHAR;
ALTER TABLE llm_calls ADD CONSTRAINT llm_calls_call_key_key UNIQUE (call_key);
