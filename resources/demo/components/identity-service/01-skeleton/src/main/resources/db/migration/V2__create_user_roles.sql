CREATE TABLE user_roles (
    user_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_roles_known CHECK (role IN ('CITIZEN', 'OFFICER', 'ADMIN'))
);

CREATE INDEX user_roles_role_idx ON user_roles (role);
