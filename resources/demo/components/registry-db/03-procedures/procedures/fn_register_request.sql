SET search_path TO registry;

-- Registers a new service request for a citizen and returns its number (e.g. 2025-000123).
-- Called by the application service under the registry_app role.
CREATE OR REPLACE FUNCTION fn_register_request(
    p_iin          CHAR(12),
    p_service_code VARCHAR(16),
    p_payload      JSONB DEFAULT '{}'::jsonb
) RETURNS VARCHAR
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = registry, pg_temp
AS $$
DECLARE
    v_citizen_id BIGINT;
    v_service    services%ROWTYPE;
    v_number     VARCHAR(20);
BEGIN
    SELECT id INTO v_citizen_id FROM citizens WHERE iin = p_iin;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'citizen % is not registered', p_iin USING ERRCODE = 'no_data_found';
    END IF;

    SELECT * INTO v_service FROM services WHERE code = p_service_code AND is_active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'service % does not exist or is not active', p_service_code USING ERRCODE = 'no_data_found';
    END IF;

    v_number := to_char(now(), 'YYYY') || '-' || lpad(nextval('service_request_number_seq')::text, 6, '0');

    INSERT INTO service_requests (number, citizen_id, service_code, payload)
    VALUES (v_number, v_citizen_id, p_service_code, p_payload);

    RETURN v_number;
END;
$$;

REVOKE ALL ON FUNCTION fn_register_request(CHAR, VARCHAR, JSONB) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fn_register_request(CHAR, VARCHAR, JSONB) TO registry_app;
