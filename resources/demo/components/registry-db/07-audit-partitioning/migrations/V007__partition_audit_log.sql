SET search_path TO registry;

-- audit_log grows by ~4 million rows a month on the production stand. Convert it to a table
-- partitioned by month so that old months can be detached and archived (retention: 5 years).
-- WIP: needs a maintenance window; the copy below takes ~40 min on a production-size dump.

ALTER TABLE audit_log RENAME TO audit_log_old;

CREATE TABLE audit_log (
    id          BIGINT      NOT NULL DEFAULT nextval('audit_log_id_seq'),
    table_name  TEXT        NOT NULL,
    row_id      TEXT        NOT NULL,
    action      CHAR(1)     NOT NULL CHECK (action IN ('I', 'U', 'D')),
    changed_by  TEXT        NOT NULL DEFAULT current_setting('registry.actor', TRUE),
    db_user     TEXT        NOT NULL DEFAULT session_user,
    old_data    JSONB,
    new_data    JSONB,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id, changed_at)
) PARTITION BY RANGE (changed_at);

ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;

DO $$
DECLARE
    m DATE;
BEGIN
    FOR m IN SELECT generate_series(date_trunc('month', (SELECT coalesce(min(changed_at), now()) FROM audit_log_old)),
                                    date_trunc('month', now() + interval '2 months'), interval '1 month')::date
    LOOP
        EXECUTE format('CREATE TABLE audit_log_%s PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)',
                       to_char(m, 'YYYYMM'), m, (m + interval '1 month')::date);
    END LOOP;
END;
$$;

INSERT INTO audit_log SELECT * FROM audit_log_old;
CREATE INDEX audit_log_row_idx2 ON audit_log (table_name, row_id, changed_at DESC);
-- TODO: drop audit_log_old after the archive job has been verified
