-- pgTAP: pg_prove -d registry_test tests/
BEGIN;
SET search_path TO registry, public;
SELECT plan(6);

INSERT INTO citizens (iin, last_name, first_name, birth_date) VALUES ('900101300111', 'Тестов', 'Тест', '1990-01-01');
INSERT INTO services (code, name_kk, name_ru, category, processing_days) VALUES ('TST-001', 'Тест', 'Тест', 'family', 1);

SELECT matches(fn_register_request('900101300111', 'TST-001'), '^\d{4}-\d{6}$', 'returns a request number');
SELECT is((SELECT count(*)::int FROM service_requests sr JOIN citizens c ON c.id = sr.citizen_id WHERE c.iin = '900101300111'), 1, 'one request stored');
SELECT throws_ok($$SELECT fn_register_request('000000000000', 'TST-001')$$, 'P0002', NULL, 'unknown citizen is refused');
SELECT throws_ok($$SELECT fn_register_request('900101300111', 'NOPE')$$, 'P0002', NULL, 'unknown service is refused');

SELECT lives_ok($$SELECT fn_change_status((SELECT number FROM service_requests ORDER BY id DESC LIMIT 1), 'IN_REVIEW', 'officer1')$$, 'SUBMITTED -> IN_REVIEW');
SELECT throws_ok($$SELECT fn_change_status((SELECT number FROM service_requests ORDER BY id DESC LIMIT 1), 'REJECTED', 'officer1')$$, '23514', NULL, 'rejection needs a comment');

SELECT * FROM finish();
ROLLBACK;
