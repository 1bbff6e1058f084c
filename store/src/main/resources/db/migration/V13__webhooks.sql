-- URLs a project's owner registered to be told when a run of the project ends. The secret signs
-- each delivery (HMAC-SHA256); it is shown once, when the webhook is created. A removed webhook
-- stays, inactive, so that its delivery log still names it.
CREATE TABLE project_webhooks (
    id         VARCHAR NOT NULL PRIMARY KEY,
    project_id VARCHAR NOT NULL REFERENCES projects (id),
    url        VARCHAR NOT NULL,
    secret     VARCHAR NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    active     BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE INDEX project_webhooks_project_id_created_at_idx ON project_webhooks (project_id, created_at);

-- Every attempt to deliver an event to a webhook: its HTTP status or the error that stopped it,
-- how long the receiver took, and whether it was delivered, failed for now, or failed for good.
CREATE TABLE webhook_deliveries (
    id           BIGSERIAL NOT NULL PRIMARY KEY,
    webhook_id   VARCHAR   NOT NULL REFERENCES project_webhooks (id),
    delivery_id  VARCHAR   NOT NULL,
    run_id       VARCHAR   NOT NULL,
    event        VARCHAR   NOT NULL,
    attempt      INTEGER   NOT NULL,
    status_code  INTEGER,
    error        VARCHAR,
    response_ms  BIGINT,
    delivered_at TIMESTAMP WITH TIME ZONE,
    failed_at    TIMESTAMP WITH TIME ZONE,
    last_attempt BOOLEAN   NOT NULL
);

CREATE INDEX webhook_deliveries_webhook_id_id_idx ON webhook_deliveries (webhook_id, id);
