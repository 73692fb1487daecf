-- Sign-in, sessions and stored Cal.com tokens. The same script runs on H2 and PostgreSQL.

CREATE TABLE app_user (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    cal_user_id   BIGINT       NOT NULL,
    username      VARCHAR(255),
    name          VARCHAR(255),
    email         VARCHAR(320),
    image_url     VARCHAR(2048),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_app_user_cal_user UNIQUE (cal_user_id)
);

-- One Cal.com account per user; tokens are AES-256-GCM ciphertexts ("keyId:nonce:ciphertext").
CREATE TABLE cal_account (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id              VARCHAR(36)  NOT NULL,
    provider             VARCHAR(32)  NOT NULL,
    provider_account_id  VARCHAR(64)  NOT NULL,
    access_token         VARCHAR(8192),
    refresh_token        VARCHAR(8192),
    access_expires_at    TIMESTAMP WITH TIME ZONE,
    refresh_expires_at   TIMESTAMP WITH TIME ZONE,
    token_type           VARCHAR(32),
    scope                VARCHAR(512),
    needs_reauth         BOOLEAN      NOT NULL,
    token_version        BIGINT       NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_cal_account_user UNIQUE (user_id),
    CONSTRAINT fk_cal_account_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

-- Server-side sessions: only the SHA-256 of the cookie value is stored.
CREATE TABLE user_session (
    token_hash           VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id              VARCHAR(36)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    absolute_expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_user_session_user ON user_session (user_id);
CREATE INDEX ix_user_session_expires ON user_session (expires_at);

-- Pending sign-ins: OAuth state and PKCE verifier, bound to the browser, usable once.
CREATE TABLE signin_state (
    state_hash      VARCHAR(64)   NOT NULL PRIMARY KEY,
    browser_hash    VARCHAR(64)   NOT NULL,
    code_verifier   VARCHAR(256)  NOT NULL,
    return_to       VARCHAR(2048) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_signin_state_expires ON signin_state (expires_at);
