SET search_path TO registry;

-- Row-level audit of personal data changes (Law "On personal data and their protection", art. 22).
CREATE TABLE audit_log (
    id          BIGSERIAL   PRIMARY KEY,
    table_name  TEXT        NOT NULL,
    row_id      TEXT        NOT NULL,
    action      CHAR(1)     NOT NULL CHECK (action IN ('I', 'U', 'D')),
    changed_by  TEXT        NOT NULL DEFAULT current_setting('registry.actor', TRUE),
    db_user     TEXT        NOT NULL DEFAULT session_user,
    old_data    JSONB,
    new_data    JSONB,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_row_idx ON audit_log (table_name, row_id, changed_at DESC);

CREATE OR REPLACE FUNCTION tg_audit() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = registry, pg_temp
AS $$
BEGIN
    INSERT INTO audit_log (table_name, row_id, action, old_data, new_data)
    VALUES (
        TG_TABLE_NAME,
        CASE WHEN TG_OP = 'DELETE' THEN OLD.id::text ELSE NEW.id::text END,
        left(TG_OP, 1),
        CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END,
        CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END
    );
    RETURN NULL;
END;
$$;

CREATE TRIGGER citizens_audit
    AFTER INSERT OR UPDATE OR DELETE ON citizens
    FOR EACH ROW EXECUTE FUNCTION tg_audit();
