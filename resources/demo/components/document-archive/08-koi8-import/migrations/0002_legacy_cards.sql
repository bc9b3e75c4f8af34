-- Cards of the legacy archive, staged before their scans are matched and stored as documents.
CREATE TABLE legacy_cards (
    card_no        INTEGER PRIMARY KEY,
    reg_number     VARCHAR(50) NOT NULL,
    reg_date       DATE        NOT NULL,
    kind           SMALLINT    NOT NULL,
    title          TEXT        NOT NULL,
    correspondent  TEXT,
    page_count     INTEGER     NOT NULL DEFAULT 0,
    storage_place  VARCHAR(50),
    scan_count     INTEGER,
    document_id    UUID REFERENCES documents (id),
    imported_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
