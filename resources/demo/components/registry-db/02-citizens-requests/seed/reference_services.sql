SET search_path TO registry;

INSERT INTO services (code, name_kk, name_ru, category, processing_days, fee_kzt, is_online) VALUES
    ('FAM-001', 'Баланың тууын тіркеу',                     'Регистрация рождения ребёнка',                   'family',     1,  0,       TRUE),
    ('FAM-004', 'Неке қиюды тіркеу',                        'Регистрация заключения брака',                   'family',     30, 1845.00, TRUE),
    ('HOU-010', 'Тұрғын үй кезегіне қою',                   'Постановка на учёт нуждающихся в жилье',         'housing',    10, 0,       TRUE),
    ('BUS-002', 'Жеке кәсіпкерді тіркеу',                   'Регистрация индивидуального предпринимателя',    'business',   1,  0,       TRUE),
    ('HEA-007', 'Емханаға тіркелу',                         'Прикрепление к поликлинике',                     'health',     1,  0,       TRUE),
    ('EDU-003', 'Балабақшаға кезекке қою',                  'Постановка в очередь в детский сад',             'education',  1,  0,       TRUE),
    ('TRN-014', 'Көлік құралын тіркеу',                     'Регистрация транспортного средства',             'transport',  3,  1845.00, TRUE),
    ('TRN-020', 'Жүргізуші куәлігін ауыстыру',              'Замена водительского удостоверения',             'transport',  5,  3690.00, FALSE)
ON CONFLICT (code) DO UPDATE
    SET name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, processing_days = EXCLUDED.processing_days,
        fee_kzt = EXCLUDED.fee_kzt, is_online = EXCLUDED.is_online;
