-- The waitlist: people who asked to hear when Callytics opens. The same script runs on H2 and
-- PostgreSQL. The email is stored normalised (trimmed, lower-cased), so the unique constraint
-- keeps one entry per address whatever its spelling.

CREATE TABLE waitlist_entry (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    email       VARCHAR(320)  NOT NULL,
    full_name   VARCHAR(200),
    company     VARCHAR(200),
    note        VARCHAR(2000),
    source      VARCHAR(40)   NOT NULL DEFAULT 'web',
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_waitlist_entry_email UNIQUE (email)
);
