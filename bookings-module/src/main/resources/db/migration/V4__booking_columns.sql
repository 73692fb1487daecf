-- Reading a long history for analytics must not parse one JSON document per booking. The fields
-- that analytics and the CSV export read become columns of booking (hosts and attendees packed into
-- one text column each, see BookingColumns), and each booking's whole Meeting JSON moves to a table
-- of its own, so that reading booking does not drag the JSON along. V5 fills the new columns of
-- the bookings stored before this migration; every write since fills them.
ALTER TABLE booking ADD COLUMN title VARCHAR(1000000);
ALTER TABLE booking ADD COLUMN duration_minutes INTEGER;
ALTER TABLE booking ADD COLUMN event_type_slug VARCHAR(1000000);
ALTER TABLE booking ADD COLUMN meeting_url VARCHAR(1000000);
ALTER TABLE booking ADD COLUMN location VARCHAR(1000000);
ALTER TABLE booking ADD COLUMN absent_host BOOLEAN;
ALTER TABLE booking ADD COLUMN rating INTEGER;
ALTER TABLE booking ADD COLUMN cancellation_reason VARCHAR(1000000);
ALTER TABLE booking ADD COLUMN rescheduling_reason VARCHAR(1000000);
ALTER TABLE booking ADD COLUMN rescheduled_from_uid VARCHAR(1000000);
ALTER TABLE booking ADD COLUMN rescheduled_to_uid VARCHAR(1000000);
ALTER TABLE booking ADD COLUMN hosts VARCHAR(1000000);
ALTER TABLE booking ADD COLUMN attendees VARCHAR(1000000);

-- One row per stored booking, written with it; deleted with the user, like booking. (No foreign
-- key to booking: PostgreSQL plans a foreign-key check once per connection, and on a table still
-- small that plan is a sequential scan that stays while the table grows, without autovacuum.)
CREATE TABLE booking_json (
    user_id  VARCHAR(36)      NOT NULL,
    uid      VARCHAR(255)     NOT NULL,
    payload  VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_booking_json PRIMARY KEY (user_id, uid),
    CONSTRAINT fk_booking_json_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
INSERT INTO booking_json (user_id, uid, payload) SELECT user_id, uid, payload FROM booking;
ALTER TABLE booking DROP COLUMN payload;
