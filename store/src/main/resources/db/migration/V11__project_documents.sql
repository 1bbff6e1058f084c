-- Documents a user attached to a project (specs the Requirements agent reads): their extracted
-- text, one entry per page (one for plain text and markdown), kept so they can be indexed again.
CREATE TABLE project_documents (
    id         VARCHAR NOT NULL PRIMARY KEY,
    project_id VARCHAR NOT NULL REFERENCES projects (id),
    name       VARCHAR NOT NULL,
    media_type VARCHAR NOT NULL,
    bytes      INTEGER NOT NULL,
    sha256     VARCHAR NOT NULL,
    pages      TEXT[]  NOT NULL,
    page_count INTEGER NOT NULL,
    chars      INTEGER NOT NULL,
    chunks     INTEGER NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX project_documents_project_id_created_at_idx
    ON project_documents (project_id, created_at);
