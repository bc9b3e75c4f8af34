-- +migrate Up
CREATE TABLE transactions (
    id          UUID PRIMARY KEY,
    merchant_id VARCHAR(32)  NOT NULL,
    order_ref   VARCHAR(64)  NOT NULL,
    amount_tiyn BIGINT       NOT NULL CHECK (amount_tiyn > 0),
    currency    CHAR(3)      NOT NULL DEFAULT 'KZT',
    status      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (merchant_id, order_ref)
);

CREATE INDEX transactions_status_idx ON transactions (status) WHERE status IN ('NEW', 'PENDING');

-- +migrate Down
DROP TABLE transactions;
