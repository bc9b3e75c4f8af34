SET search_path TO registry;

CREATE TABLE request_status_history (
    id            BIGSERIAL      PRIMARY KEY,
    request_id    BIGINT         NOT NULL REFERENCES service_requests (id) ON DELETE CASCADE,
    old_status    request_status,
    new_status    request_status NOT NULL,
    officer_login VARCHAR(64),
    comment       TEXT,
    changed_at    TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX request_status_history_request_idx ON request_status_history (request_id, changed_at);

CREATE OR REPLACE FUNCTION tg_request_status_history() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO request_status_history (request_id, old_status, new_status, officer_login, comment)
        VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status, NEW.officer_login, NEW.comment);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER service_requests_status_history
    AFTER INSERT OR UPDATE OF status ON service_requests
    FOR EACH ROW EXECUTE FUNCTION tg_request_status_history();

-- Backfill: one SUBMITTED entry for requests created before this migration.
INSERT INTO request_status_history (request_id, old_status, new_status, changed_at)
SELECT id, NULL, 'SUBMITTED', submitted_at FROM service_requests;
