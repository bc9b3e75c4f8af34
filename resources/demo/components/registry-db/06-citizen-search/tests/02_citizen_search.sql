BEGIN;
SET search_path TO registry, public;
SELECT plan(5);

SELECT ok(fn_iin_is_valid('880101300123') IS NOT NULL, 'checksum function answers');
SELECT ok(NOT fn_iin_is_valid('12345'), 'short IIN is invalid');
SELECT ok(NOT fn_iin_is_valid('88010130012a'), 'letters are invalid');

INSERT INTO citizens (iin, last_name, first_name, birth_date) VALUES ('900101300111', 'Нурмаганбетов', 'Арман', '1990-01-01');
SELECT is((SELECT count(*)::int FROM fn_search_citizen('officer1', p_last_name => 'маганб')), 1, 'finds by name fragment');
SELECT is((SELECT result_count FROM citizen_search_log ORDER BY id DESC LIMIT 1), 1, 'search is logged');

SELECT * FROM finish();
ROLLBACK;
