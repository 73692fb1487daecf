package com.callytics.bookings.control;

import com.callytics.auth.boundary.TokenService;
import com.callytics.bookings.control.SyncStateStore.LeaseLostException;
import com.callytics.bookings.control.SyncStateStore.SyncState;
import com.callytics.bookings.control.cal.CalBookingsClient;
import com.callytics.bookings.control.cal.CalBookingsPage;
import com.callytics.bookings.entity.BookingQuery;
import com.callytics.bookings.entity.SyncCursor;
import com.callytics.bookings.entity.SyncCursor.Phase;
import com.callytics.platform.boundary.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One sync run of a user's bookings from Cal.com into the store, by the holder of the user's sync
 * lease. Page by page: each page is committed with the cursor after it, so memory stays flat and a
 * failed run keeps what it stored; the next run resumes at the cursor. Nothing is ever deleted.
 */
@ApplicationScoped
public class BookingSync {

  static final String UNEXPECTED_FAILURE =
      "The sync failed unexpectedly; the next one resumes where it stopped.";

  private static final Logger LOG = Logger.getLogger(BookingSync.class.getName());

  /**
   * A first sync that stored at least this many bookings is a bulk load, after which the database's
   * planner statistics are refreshed ({@link BookingStore#refreshPlannerStatistics}).
   */
  static final int BULK_LOAD = 1_000;

  @Inject SyncStateStore states;
  @Inject BookingStore bookings;
  @Inject TokenService tokens;
  @Inject CalBookingsClient cal;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "callytics.sync.page-size", defaultValue = "100")
  int pageSize;

  @Inject
  @ConfigProperty(name = "callytics.sync.overlap", defaultValue = "PT1M")
  Duration overlap;

  @Inject
  @ConfigProperty(name = "callytics.sync.lease", defaultValue = "PT2M")
  Duration lease;

  /**
   * Runs the user's sync to the end, or until it fails; a failure is recorded in the sync state,
   * not thrown. {@code owner} must hold the user's lease ({@link SyncStateStore#tryAcquire}).
   *
   * @return true when the run completed
   */
  public boolean run(String userId, String owner) {
    long started = System.nanoTime();
    try {
      SyncState state =
          states
              .find(userId)
              .orElseThrow(() -> new IllegalStateException("no sync state for user " + userId));
      SyncCursor cursor = firstCursor(userId, state);
      int requests = 0;
      while (true) {
        BookingQuery query = SyncPlan.query(cursor, pageSize);
        CalBookingsPage page = tokens.callWithToken(userId, token -> cal.fetch(token, query));
        requests++;
        SyncPlan.Step step = SyncPlan.afterPage(cursor, pageSize, page);
        Instant now = clock.instant();
        states.commitPage(
            userId, owner, page.bookings(), step.cursor(), step.done(), now, now.plus(lease));
        cursor = step.cursor();
        if (step.done()) {
          logCompleted(userId, cursor, requests, started);
          if (cursor.phase() == Phase.FULL && cursor.nextSkip() >= BULK_LOAD) {
            bookings.refreshPlannerStatistics();
          }
          return true;
        }
      }
    } catch (LeaseLostException e) {
      LOG.warning(e.getMessage() + "; this run stops");
      return false;
    } catch (ProblemException e) {
      LOG.log(
          Level.WARNING,
          "The booking sync of user {0} failed: {1} ({2})",
          new Object[] {userId, e.detail(), e.status()});
      states.fail(userId, owner, e.detail(), clock.instant());
      return false;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The booking sync of user " + userId + " failed unexpectedly", e);
      states.fail(userId, owner, UNEXPECTED_FAILURE, clock.instant());
      return false;
    }
  }

  /** A resumed run continues at its cursor; a new incremental run asks for recent changes. */
  private SyncCursor firstCursor(String userId, SyncState state) {
    SyncCursor cursor = state.cursor();
    if (cursor.phase() == Phase.FULL || cursor.isResuming()) {
      return cursor;
    }
    if (state.watermarkAt() == null) {
      return SyncCursor.firstSync();
    }
    Instant newest = bookings.findNewestUpdatedAt(userId).orElse(null);
    return SyncCursor.changesAfter(SyncPlan.updatedAfter(newest, state.watermarkAt(), overlap));
  }

  private static void logCompleted(String userId, SyncCursor cursor, int requests, long started) {
    LOG.info(
        () ->
            String.format(
                "Synced the bookings of user %s: %s run, %d fetched, %d request(s), %d ms",
                userId,
                cursor.phase().name().toLowerCase(java.util.Locale.ROOT),
                cursor.nextSkip(),
                requests,
                (System.nanoTime() - started) / 1_000_000));
  }
}
