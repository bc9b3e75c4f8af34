SET search_path TO registry;

-- Officers search citizens by a fragment of the name; trigram indexes make ILIKE '%…%' fast.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX citizens_last_name_trgm_idx ON citizens USING gin (lower(last_name) gin_trgm_ops);
CREATE INDEX citizens_first_name_trgm_idx ON citizens USING gin (lower(first_name) gin_trgm_ops);

-- Who looked at whose data: every search is logged with its criteria.
CREATE TABLE citizen_search_log (
    id          BIGSERIAL   PRIMARY KEY,
    officer     VARCHAR(64) NOT NULL,
    criteria    JSONB       NOT NULL,
    result_count INTEGER    NOT NULL,
    searched_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
