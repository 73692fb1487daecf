package com.callytics.bookings.control;

import static com.callytics.bookings.control.BookingsDatabase.instant;
import static com.callytics.bookings.control.BookingsDatabase.prepare;
import static com.callytics.bookings.control.BookingsDatabase.setInteger;
import static com.callytics.bookings.control.BookingsDatabase.setTimestamp;
import static com.callytics.bookings.control.BookingsDatabase.timestamp;

import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.SyncCursor;
import com.callytics.bookings.entity.SyncCursor.Phase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Each user's sync state (table {@code booking_sync}): the lease that lets one sync per user run at
 * a time across instances, and the cursor of the run in progress. A page of bookings and the cursor
 * after it are committed together; every write of a run is fenced by its lease owner, so a run that
 * lost its lease can change nothing.
 */
@ApplicationScoped
public class SyncStateStore {

  static final String RUNNING = "running";
  static final String IDLE = "idle";
  static final String FAILED = "failed";
  static final int MAX_ERROR_LENGTH = 1000;

  private static final String SELECT =
      "SELECT state, phase, next_skip, updated_after, fetched, total, lease_owner, lease_until,"
          + " started_at, last_synced_at, watermark_at, last_error, stored_bookings"
          + " FROM booking_sync WHERE user_id = ?";

  @Inject BookingsDatabase database;
  @Inject BookingStore bookings;

  public SyncStateStore() {}

  /** For tests: wired by hand. */
  public SyncStateStore(BookingsDatabase database, BookingStore bookings) {
    this.database = database;
    this.bookings = bookings;
  }

  /**
   * A user's sync state as stored.
   *
   * @param state running, idle or failed, as last written (a running state whose lease has expired
   *     belongs to a run that died)
   * @param cursor where the next run starts
   * @param fetched bookings fetched by the current or last run
   * @param watermarkAt start of the last completed run: every change before it is stored
   * @param storedBookings how many of the user's bookings the store holds
   */
  public record SyncState(
      String state,
      SyncCursor cursor,
      int fetched,
      String leaseOwner,
      Instant leaseUntil,
      Instant startedAt,
      Instant lastSyncedAt,
      Instant watermarkAt,
      String lastError,
      long storedBookings) {

    /** Whether a run holds a lease that has not expired at {@code now}. */
    public boolean isLeased(Instant now) {
      return leaseOwner != null && leaseUntil != null && leaseUntil.isAfter(now);
    }
  }

  /** Thrown when a run's lease has been taken over: its writes are rolled back. */
  public static class LeaseLostException extends RuntimeException {
    public LeaseLostException(String userId) {
      super("The sync lease of user " + userId + " has been taken over");
    }
  }

  public Optional<SyncState> find(String userId) {
    try (Connection connection = database.connection();
        PreparedStatement select = prepare(connection, SELECT)) {
      select.setString(1, userId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        Integer total = row.getObject(6) == null ? null : row.getInt(6);
        Phase phase = Phase.valueOf(row.getString(2));
        Instant updatedAfter = instant(row.getObject(4, OffsetDateTime.class));
        SyncCursor cursor =
            new SyncCursor(phase, row.getInt(3), phase == Phase.FULL ? null : updatedAfter, total);
        return Optional.of(
            new SyncState(
                row.getString(1),
                cursor,
                row.getInt(5),
                row.getString(7),
                instant(row.getObject(8, OffsetDateTime.class)),
                instant(row.getObject(9, OffsetDateTime.class)),
                instant(row.getObject(10, OffsetDateTime.class)),
                instant(row.getObject(11, OffsetDateTime.class)),
                row.getString(12),
                row.getLong(13)));
      }
    } catch (SQLException e) {
      throw new BookingStoreException("Reading the sync state failed", e);
    }
  }

  /**
   * Takes the user's sync lease when no live run holds it: one atomic update, so that of several
   * instances (or requests) only one wins. A first sync creates the state row.
   *
   * @return true when {@code owner} now holds the lease until {@code leaseUntil}
   */
  public boolean tryAcquire(String userId, String owner, Instant now, Instant leaseUntil) {
    Objects.requireNonNull(owner, "owner");
    try (Connection connection = database.connection()) {
      try (PreparedStatement take =
          prepare(
              connection,
              "UPDATE booking_sync SET state = ?, lease_owner = ?, lease_until = ?,"
                  // a resumed run keeps the start of the run it continues: see watermark_at
                  + " started_at = CASE WHEN next_skip = 0 THEN ? ELSE COALESCE(started_at, ?) END,"
                  + " last_error = NULL, fetched = next_skip,"
                  + " total = CASE WHEN next_skip = 0 THEN NULL ELSE total END, updated_at = ?"
                  + " WHERE user_id = ? AND (lease_until IS NULL OR lease_until < ?)")) {
        take.setString(1, RUNNING);
        take.setString(2, owner);
        take.setObject(3, timestamp(leaseUntil));
        take.setObject(4, timestamp(now));
        take.setObject(5, timestamp(now));
        take.setObject(6, timestamp(now));
        take.setString(7, userId);
        take.setObject(8, timestamp(now));
        if (take.executeUpdate() == 1) {
          return true;
        }
      }
      if (exists(connection, userId)) {
        return false;
      }
      try (PreparedStatement create =
          prepare(
              connection,
              "INSERT INTO booking_sync (user_id, state, phase, next_skip, fetched,"
                  + " stored_bookings, lease_owner, lease_until, started_at, updated_at)"
                  + " VALUES (?, ?, ?, 0, 0, 0, ?, ?, ?, ?)")) {
        create.setString(1, userId);
        create.setString(2, RUNNING);
        create.setString(3, Phase.FULL.name());
        create.setString(4, owner);
        create.setObject(5, timestamp(leaseUntil));
        create.setObject(6, timestamp(now));
        create.setObject(7, timestamp(now));
        create.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (isConstraintViolation(e)) {
          // Another request created the row first, or the user has just been deleted.
          return false;
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new BookingStoreException("Taking the sync lease failed", e);
    }
  }

  /**
   * Stores a page of bookings and moves the cursor past it, in one transaction, and extends the
   * lease. When {@code done}, the run is complete: the next one fetches changes only.
   *
   * @throws LeaseLostException when {@code owner} no longer holds the lease (nothing is written)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void commitPage(
      String userId,
      String owner,
      Collection<Booking> page,
      SyncCursor next,
      boolean done,
      Instant now,
      Instant leaseUntil) {
    try (Connection connection = database.connection()) {
      // The fenced cursor update first: it fails before anything is written when the lease is
      // lost, and it locks the state row until the commit.
      int updated =
          done
              ? complete(connection, userId, owner, next, now)
              : advance(connection, userId, owner, next, now, leaseUntil);
      if (updated != 1) {
        throw new LeaseLostException(userId);
      }
      int inserted = bookings.upsert(connection, userId, page, now);
      if (inserted > 0) {
        try (PreparedStatement count =
            prepare(
                connection,
                "UPDATE booking_sync SET stored_bookings = stored_bookings + ?"
                    + " WHERE user_id = ?")) {
          count.setInt(1, inserted);
          count.setString(2, userId);
          count.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new BookingStoreException("Storing a page of bookings failed", e);
    }
  }

  private static int advance(
      Connection connection,
      String userId,
      String owner,
      SyncCursor next,
      Instant now,
      Instant leaseUntil)
      throws SQLException {
    try (PreparedStatement update =
        prepare(
            connection,
            "UPDATE booking_sync SET phase = ?, next_skip = ?, updated_after = ?, fetched = ?,"
                + " total = ?, lease_until = ?, updated_at = ?"
                + " WHERE user_id = ? AND lease_owner = ?")) {
      update.setString(1, next.phase().name());
      update.setInt(2, next.nextSkip());
      setTimestamp(update, 3, next.updatedAfter());
      update.setInt(4, next.nextSkip());
      setInteger(update, 5, next.total());
      update.setObject(6, timestamp(leaseUntil));
      update.setObject(7, timestamp(now));
      update.setString(8, userId);
      update.setString(9, owner);
      return update.executeUpdate();
    }
  }

  private static int complete(
      Connection connection, String userId, String owner, SyncCursor last, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        prepare(
            connection,
            "UPDATE booking_sync SET state = ?, phase = ?, next_skip = 0, updated_after = NULL,"
                + " fetched = ?, total = ?, lease_owner = NULL, lease_until = NULL,"
                + " last_synced_at = ?, watermark_at = started_at, last_error = NULL,"
                + " updated_at = ? WHERE user_id = ? AND lease_owner = ?")) {
      update.setString(1, IDLE);
      update.setString(2, Phase.INCREMENTAL.name());
      update.setInt(3, last.nextSkip());
      setInteger(update, 4, last.total());
      update.setObject(5, timestamp(now));
      update.setObject(6, timestamp(now));
      update.setString(7, userId);
      update.setString(8, owner);
      return update.executeUpdate();
    }
  }

  /**
   * Ends a run that failed: the lease is released and the cursor stays where the last committed
   * page left it, so that the next run resumes there. Does nothing when {@code owner} no longer
   * holds the lease.
   */
  public void fail(String userId, String owner, String error, Instant now) {
    String message = error == null ? "The sync failed." : error;
    if (message.length() > MAX_ERROR_LENGTH) {
      message = message.substring(0, MAX_ERROR_LENGTH);
    }
    try (Connection connection = database.connection();
        PreparedStatement update =
            prepare(
                connection,
                "UPDATE booking_sync SET state = ?, last_error = ?, lease_owner = NULL, lease_until"
                    + " = NULL, updated_at = ? WHERE user_id = ? AND lease_owner = ?")) {
      update.setString(1, FAILED);
      update.setString(2, message);
      update.setObject(3, timestamp(now));
      update.setString(4, userId);
      update.setString(5, owner);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new BookingStoreException("Recording a failed sync failed", e);
    }
  }

  private static boolean exists(Connection connection, String userId) throws SQLException {
    try (PreparedStatement select =
        prepare(connection, "SELECT 1 FROM booking_sync WHERE user_id = ?")) {
      select.setString(1, userId);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  /** SQLSTATE class 23: integrity constraint violation (unique key, foreign key). */
  private static boolean isConstraintViolation(SQLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
