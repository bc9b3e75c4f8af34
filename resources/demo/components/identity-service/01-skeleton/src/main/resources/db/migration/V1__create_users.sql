CREATE TABLE users (
    id            UUID PRIMARY KEY,
    iin           VARCHAR(12)  NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,
    full_name     VARCHAR(300) NOT NULL,
    email         VARCHAR(254),
    locked        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT users_iin_digits CHECK (iin ~ '^[0-9]{12}$')
);

COMMENT ON TABLE users IS 'Accounts of citizens and civil servants';
COMMENT ON COLUMN users.password_hash IS 'BCrypt hash, cost 12';
