CREATE TABLE documents (
    id              UUID PRIMARY KEY,
    reg_number      VARCHAR(50)  NOT NULL,
    reg_date        DATE         NOT NULL,
    kind            SMALLINT     NOT NULL,
    title           TEXT         NOT NULL,
    correspondent   TEXT,
    page_count      INTEGER      NOT NULL DEFAULT 0,
    content_key     TEXT         NOT NULL,
    content_sha256  CHAR(64)     NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    replaces        UUID REFERENCES documents (id),
    legacy_card_no  INTEGER UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (reg_number, reg_date)
);

CREATE INDEX documents_reg_date_idx ON documents (reg_date);
CREATE INDEX documents_title_fts_idx ON documents USING gin (to_tsvector('russian', title));
