-- The Docker host a run's sandbox work goes to (its checks, its images, its deployed service):
-- chosen per run among the live sandbox runners, and changed only when that host stops answering.
ALTER TABLE runs ADD COLUMN sandbox_host text;

-- The sandbox runners, one per Docker host: each says it is alive every few seconds.
CREATE TABLE sandbox_hosts (
    name        varchar(63) PRIMARY KEY,
    task_queue  text NOT NULL,
    started_at  timestamptz NOT NULL,
    seen_at     timestamptz NOT NULL
);
