-- Synthetic citizens for test stands only. The IINs are generated and do not belong to real people.
-- Loaded by `make seed SEED_DEMO=1`; the production pipeline never runs this file.
SET search_path TO registry;

INSERT INTO citizens (iin, last_name, first_name, middle_name, birth_date, region_code, phone) VALUES
    ('880101300123', 'Серикбаев',  'Ерлан',   'Маратович',   '1988-01-01', '710000000', '+77010000001'),
    ('920315450987', 'Ахметова',   'Айгуль',  'Нурлановна',  '1992-03-15', '750000000', '+77010000002'),
    ('750720301456', 'Иванов',     'Сергей',  'Петрович',    '1975-07-20', '350000000', '+77010000003'),
    ('010909550321', 'Жумабекова', 'Динара',  NULL,          '2001-09-09', '790000000', '+77010000004'),
    ('680212300789', 'Касымов',    'Болат',   'Ержанович',   '1968-02-12', '550000000', '+77010000005'),
    ('990430400654', 'Ли',         'Виктория', 'Александровна', '1999-04-30', '190000000', '+77010000006')
ON CONFLICT (iin) DO NOTHING;
