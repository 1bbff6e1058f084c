-- What an event describes (an activity's stored file, the run's end, the workflow's nth event):
-- a run's journal holds each key once, so a retried writer that appends it again adds nothing.
-- Events without a key (NULL) are not deduplicated.
ALTER TABLE run_events ADD COLUMN fact_key VARCHAR;

CREATE UNIQUE INDEX run_events_fact_key_idx ON run_events (run_id, fact_key)
    WHERE fact_key IS NOT NULL;
