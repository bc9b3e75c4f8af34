-- Every login attempt, kept for 3 years (Ministry order No. 412, item 27).
CREATE TABLE login_audit (
    id           BIGSERIAL PRIMARY KEY,
    iin          VARCHAR(12) NOT NULL,
    success      BOOLEAN     NOT NULL,
    client_ip    INET,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX login_audit_iin_time_idx ON login_audit (iin, attempted_at DESC);
