SET search_path TO registry;

-- Statutory deadline of each request, in working days (Law "On public services", art. 11).
CREATE TABLE holidays (
    day   DATE PRIMARY KEY,
    name  TEXT NOT NULL
);

INSERT INTO holidays (day, name) VALUES
    ('2025-01-01', 'Жаңа жыл'), ('2025-01-02', 'Жаңа жыл'), ('2025-01-07', 'Православное Рождество'),
    ('2025-03-08', 'Халықаралық әйелдер күні'), ('2025-03-21', 'Наурыз мейрамы'), ('2025-03-22', 'Наурыз мейрамы'),
    ('2025-03-23', 'Наурыз мейрамы'), ('2025-05-01', 'Бірлік күні'), ('2025-05-07', 'Отан қорғаушы күні'),
    ('2025-05-09', 'Жеңіс күні'), ('2025-07-06', 'Астана күні'), ('2025-08-30', 'Конституция күні'),
    ('2025-10-25', 'Республика күні'), ('2025-12-16', 'Тәуелсіздік күні');

ALTER TABLE service_requests ADD COLUMN deadline DATE;

CREATE OR REPLACE FUNCTION fn_add_working_days(p_from DATE, p_days INT) RETURNS DATE
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
    d DATE := p_from;
    n INT := 0;
BEGIN
    WHILE n < p_days LOOP
        d := d + 1;
        IF extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.day = d) THEN
            n := n + 1;
        END IF;
    END LOOP;
    RETURN d;
END;
$$;

UPDATE service_requests sr
   SET deadline = fn_add_working_days(sr.submitted_at::date, s.processing_days)
  FROM services s
 WHERE s.code = sr.service_code AND sr.deadline IS NULL;

CREATE INDEX service_requests_deadline_idx ON service_requests (deadline)
    WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO');
