SET search_path TO registry;

-- Moves a request to a new status on behalf of an officer. Allowed transitions:
--   SUBMITTED  -> IN_REVIEW | WITHDRAWN
--   IN_REVIEW  -> NEEDS_INFO | APPROVED | REJECTED
--   NEEDS_INFO -> IN_REVIEW | WITHDRAWN
CREATE OR REPLACE FUNCTION fn_change_status(
    p_number  VARCHAR(20),
    p_status  request_status,
    p_officer VARCHAR(64),
    p_comment TEXT DEFAULT NULL
) RETURNS VOID
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = registry, pg_temp
AS $$
DECLARE
    v_current request_status;
BEGIN
    SELECT status INTO v_current FROM service_requests WHERE number = p_number FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'request % not found', p_number USING ERRCODE = 'no_data_found';
    END IF;

    IF NOT (
        (v_current = 'SUBMITTED'  AND p_status IN ('IN_REVIEW', 'WITHDRAWN')) OR
        (v_current = 'IN_REVIEW'  AND p_status IN ('NEEDS_INFO', 'APPROVED', 'REJECTED')) OR
        (v_current = 'NEEDS_INFO' AND p_status IN ('IN_REVIEW', 'WITHDRAWN'))
    ) THEN
        RAISE EXCEPTION 'request %: transition % -> % is not allowed', p_number, v_current, p_status
            USING ERRCODE = 'check_violation';
    END IF;

    IF p_status IN ('NEEDS_INFO', 'REJECTED') AND coalesce(trim(p_comment), '') = '' THEN
        RAISE EXCEPTION 'a comment is required for status %', p_status USING ERRCODE = 'check_violation';
    END IF;

    UPDATE service_requests
       SET status = p_status, officer_login = p_officer, comment = p_comment, updated_at = now()
     WHERE number = p_number;
END;
$$;

REVOKE ALL ON FUNCTION fn_change_status(VARCHAR, request_status, VARCHAR, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fn_change_status(VARCHAR, request_status, VARCHAR, TEXT) TO registry_app;
