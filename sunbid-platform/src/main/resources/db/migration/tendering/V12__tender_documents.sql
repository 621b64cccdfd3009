-- Tender documents (招标文件): stored content-addressed by SM3 in the file store; the hash is published in the log.
CREATE TABLE tender_document
(
    id           UUID          PRIMARY KEY,
    tender_id    UUID          NOT NULL REFERENCES tender (id),
    name         VARCHAR(200)  NOT NULL,
    content_type VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL CHECK (size_bytes >= 0),
    sm3          CHAR(64)      NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by  VARCHAR(64)   NOT NULL,
    UNIQUE (tender_id, name)
);
CREATE INDEX tender_document_tender_idx ON tender_document (tender_id, uploaded_at);
