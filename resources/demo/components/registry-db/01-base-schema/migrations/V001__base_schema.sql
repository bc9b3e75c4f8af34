-- Base schema of the service registry.
CREATE SCHEMA IF NOT EXISTS registry;
SET search_path TO registry;

CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    name        TEXT        NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    checksum    TEXT        NOT NULL
);

-- Administrative division: regions (oblys) and cities of republican significance, KATO codes.
CREATE TABLE regions (
    kato_code  CHAR(9)      PRIMARY KEY,
    name_kk    VARCHAR(200) NOT NULL,
    name_ru    VARCHAR(200) NOT NULL,
    is_active  BOOLEAN      NOT NULL DEFAULT TRUE
);

COMMENT ON TABLE regions IS 'Regions by KATO (classifier of administrative-territorial objects)';
