-- The local booking store and the state of each user's sync with Cal.com. The same script runs on
-- H2 and PostgreSQL. Deleting a user (app_user) deletes their stored bookings and sync state.

-- One row per booking of a user, upserted by (user_id, uid). The columns analytics filter on are
-- kept as columns; the whole booking is kept as its Meeting JSON in payload.
CREATE TABLE booking (
    user_id        VARCHAR(36)      NOT NULL,
    uid            VARCHAR(255)     NOT NULL,
    cal_id         BIGINT           NOT NULL,
    status         VARCHAR(64)      NOT NULL,
    start_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type_id  BIGINT,
    created_at     TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    payload        VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_booking PRIMARY KEY (user_id, uid),
    CONSTRAINT fk_booking_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_booking_user_start ON booking (user_id, start_at, uid);
CREATE INDEX ix_booking_user_updated ON booking (user_id, updated_at);

-- One row per user: the lease that keeps one sync per user across instances, the cursor of the
-- sync in progress (phase, next_skip, updated_after), advanced with each committed page, and the
-- number of the user's rows in booking (kept with each page, so that a status read counts nothing).
CREATE TABLE booking_sync (
    user_id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    state             VARCHAR(16)   NOT NULL,
    phase             VARCHAR(16)   NOT NULL,
    next_skip         INTEGER       NOT NULL,
    updated_after     TIMESTAMP WITH TIME ZONE,
    fetched           INTEGER       NOT NULL,
    total             INTEGER,
    stored_bookings   INTEGER       NOT NULL,
    lease_owner       VARCHAR(80),
    lease_until       TIMESTAMP WITH TIME ZONE,
    started_at        TIMESTAMP WITH TIME ZONE,
    last_synced_at    TIMESTAMP WITH TIME ZONE,
    watermark_at      TIMESTAMP WITH TIME ZONE,
    last_error        VARCHAR(1000),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_booking_sync_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
