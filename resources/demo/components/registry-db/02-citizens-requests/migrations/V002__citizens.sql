SET search_path TO registry;

-- Citizens known to the registry. Personal data: access is logged (see V004) and the
-- application role can read it only through functions.
CREATE TABLE citizens (
    id            BIGSERIAL    PRIMARY KEY,
    iin           CHAR(12)     NOT NULL UNIQUE,
    last_name     VARCHAR(100) NOT NULL,
    first_name    VARCHAR(100) NOT NULL,
    middle_name   VARCHAR(100),
    birth_date    DATE         NOT NULL,
    region_code   CHAR(9)      REFERENCES regions (kato_code),
    phone         VARCHAR(20),
    email         VARCHAR(254),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT citizens_iin_digits CHECK (iin ~ '^[0-9]{12}$')
);

CREATE INDEX citizens_name_idx ON citizens (lower(last_name), lower(first_name));
CREATE INDEX citizens_region_idx ON citizens (region_code);

COMMENT ON COLUMN citizens.iin IS 'Individual identification number (ЖСН / ИИН)';
