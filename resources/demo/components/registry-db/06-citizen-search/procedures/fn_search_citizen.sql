SET search_path TO registry;

-- Search for officers: by exact IIN, or by name fragments (at least 3 letters), optionally
-- within a region. At most 50 rows; every call is written to citizen_search_log.
CREATE OR REPLACE FUNCTION fn_search_citizen(
    p_officer     VARCHAR(64),
    p_iin         TEXT DEFAULT NULL,
    p_last_name   TEXT DEFAULT NULL,
    p_first_name  TEXT DEFAULT NULL,
    p_region_code CHAR(9) DEFAULT NULL
) RETURNS TABLE (iin CHAR(12), full_name TEXT, birth_date DATE, region_code CHAR(9))
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = registry, pg_temp
AS $$
DECLARE
    v_count INTEGER;
BEGIN
    IF p_iin IS NULL AND length(coalesce(p_last_name, '')) < 3 THEN
        RAISE EXCEPTION 'give an IIN or at least 3 letters of the last name' USING ERRCODE = 'invalid_parameter_value';
    END IF;

    RETURN QUERY
    SELECT c.iin,
           concat_ws(' ', c.last_name, c.first_name, c.middle_name),
           c.birth_date,
           c.region_code
      FROM citizens c
     WHERE (p_iin IS NULL OR c.iin = p_iin)
       AND (p_last_name IS NULL OR lower(c.last_name) LIKE '%' || lower(p_last_name) || '%')
       AND (p_first_name IS NULL OR lower(c.first_name) LIKE '%' || lower(p_first_name) || '%')
       AND (p_region_code IS NULL OR c.region_code = p_region_code)
     ORDER BY c.last_name, c.first_name
     LIMIT 50;

    GET DIAGNOSTICS v_count = ROW_COUNT;
    INSERT INTO citizen_search_log (officer, criteria, result_count)
    VALUES (p_officer,
            jsonb_strip_nulls(jsonb_build_object('iin', p_iin, 'last_name', p_last_name,
                                                 'first_name', p_first_name, 'region', p_region_code)),
            v_count);
END;
$$;

REVOKE ALL ON FUNCTION fn_search_citizen(VARCHAR, TEXT, TEXT, TEXT, CHAR) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fn_search_citizen(VARCHAR, TEXT, TEXT, TEXT, CHAR) TO registry_app;
