-- +migrate Up
CREATE TABLE refunds (
    id             UUID PRIMARY KEY,
    transaction_id UUID        NOT NULL REFERENCES transactions (id),
    amount_tiyn    BIGINT      NOT NULL CHECK (amount_tiyn > 0),
    reason         TEXT        NOT NULL,
    requested_by   VARCHAR(64) NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A transaction is refunded at most once, and always in full (Ministry of Finance rules for state fees).
CREATE UNIQUE INDEX refunds_transaction_uq ON refunds (transaction_id);

-- +migrate Down
DROP TABLE refunds;
