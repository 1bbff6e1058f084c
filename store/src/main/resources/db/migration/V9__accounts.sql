-- Who may use Forgeflow, and how they prove it. Nothing here is a secret in plain: passwords are
-- kept as slow-KDF hashes (the encoding names the algorithm and its parameters), API tokens and
-- session ids as their SHA-256 in hex. Times are set by the application's clock.
CREATE TABLE users (
    id            VARCHAR NOT NULL PRIMARY KEY,
    username      VARCHAR NOT NULL,
    email         VARCHAR,
    password_hash VARCHAR,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Names and addresses are unique whatever their case: "Ada" and "ada" are one user.
-- The build's DDL simulation cannot read expression indexes, so it skips them.
/* [jooq ignore start] */
CREATE UNIQUE INDEX users_username_idx ON users (lower(username));
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
/* [jooq ignore stop] */

-- Personal API tokens: the prefix (the start of the token) is what lists show.
CREATE TABLE api_tokens (
    id           VARCHAR NOT NULL PRIMARY KEY,
    user_id      VARCHAR NOT NULL REFERENCES users (id),
    name         VARCHAR NOT NULL,
    token_hash   VARCHAR NOT NULL,
    prefix       VARCHAR NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);

CREATE UNIQUE INDEX api_tokens_token_hash_idx ON api_tokens (token_hash);
CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id);

-- Browser sessions, keyed by the hash of the id the cookie carries.
CREATE TABLE sessions (
    id_hash    VARCHAR NOT NULL PRIMARY KEY,
    user_id    VARCHAR NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX sessions_user_id_idx ON sessions (user_id);

-- Runs belong to their owner; runs created before accounts existed have none.
ALTER TABLE runs ADD COLUMN owner_id VARCHAR REFERENCES users (id);

CREATE INDEX runs_owner_id_created_at_idx ON runs (owner_id, created_at);
