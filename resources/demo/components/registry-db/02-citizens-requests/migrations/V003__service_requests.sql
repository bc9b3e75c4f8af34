SET search_path TO registry;

CREATE TABLE services (
    code             VARCHAR(16)  PRIMARY KEY,
    name_kk          VARCHAR(300) NOT NULL,
    name_ru          VARCHAR(300) NOT NULL,
    category         VARCHAR(20)  NOT NULL,
    processing_days  SMALLINT     NOT NULL CHECK (processing_days > 0),
    fee_kzt          NUMERIC(12, 2) NOT NULL DEFAULT 0,
    is_online        BOOLEAN      NOT NULL DEFAULT TRUE,
    is_active        BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TYPE request_status AS ENUM ('SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN');

CREATE TABLE service_requests (
    id            BIGSERIAL      PRIMARY KEY,
    number        VARCHAR(20)    NOT NULL UNIQUE,
    citizen_id    BIGINT         NOT NULL REFERENCES citizens (id),
    service_code  VARCHAR(16)    NOT NULL REFERENCES services (code),
    status        request_status NOT NULL DEFAULT 'SUBMITTED',
    payload       JSONB          NOT NULL DEFAULT '{}'::jsonb,
    officer_login VARCHAR(64),
    comment       TEXT,
    submitted_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX service_requests_citizen_idx ON service_requests (citizen_id, submitted_at DESC);
CREATE INDEX service_requests_open_idx ON service_requests (service_code, status)
    WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO');

-- Request numbers look like 2025-000123 and restart every year.
CREATE SEQUENCE service_request_number_seq;
