SET search_path TO registry;

-- Checks the control digit of an IIN (12th digit): weighted sum mod 11 with weights 1..11;
-- if the result is 10, a second pass with weights 3..11,1,2 is used; 10 again means invalid.
CREATE OR REPLACE FUNCTION fn_iin_is_valid(p_iin TEXT) RETURNS BOOLEAN
LANGUAGE plpgsql
IMMUTABLE STRICT
AS $$
DECLARE
    w1 CONSTANT INT[] := ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    w2 CONSTANT INT[] := ARRAY[3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    s  INT := 0;
    i  INT;
BEGIN
    IF p_iin !~ '^[0-9]{12}$' THEN
        RETURN FALSE;
    END IF;
    FOR i IN 1..11 LOOP
        s := s + substr(p_iin, i, 1)::INT * w1[i];
    END LOOP;
    s := s % 11;
    IF s = 10 THEN
        s := 0;
        FOR i IN 1..11 LOOP
            s := s + substr(p_iin, i, 1)::INT * w2[i];
        END LOOP;
        s := s % 11;
        IF s = 10 THEN
            RETURN FALSE;
        END IF;
    END IF;
    RETURN s = substr(p_iin, 12, 1)::INT;
END;
$$;
