package com.callytics.bookings.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.BookingQuery;
import com.callytics.bookings.entity.SyncStatus;
import com.callytics.bookings.entity.SyncStatus.State;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sync runs against an in-memory Cal.com and a real (H2) store; syncs run inline. */
class BookingSyncTest {

  private static final Duration MAX_AGE = Duration.ofMinutes(5);
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final TestDatabase db = new TestDatabase();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private final BookingStore store = new BookingStore(db.database);
  private final SyncStateStore states = new SyncStateStore(db.database, store);
  private final FakeCal cal = new FakeCal(1_050);
  private final SyncCoordinator coordinator = coordinator(store, states);
  private final String user = db.addUser();

  private SyncCoordinator coordinator(BookingStore store, SyncStateStore states) {
    BookingSync sync = new BookingSync();
    sync.states = states;
    sync.bookings = store;
    sync.tokens = FakeCal.tokens();
    sync.cal = cal;
    sync.clock = clock;
    sync.pageSize = 100;
    sync.overlap = Duration.ofMinutes(1);
    sync.lease = LEASE;
    return new SyncCoordinator(
        states, sync, clock, MAX_AGE, LEASE, Duration.ofMinutes(1), Runnable::run);
  }

  private SyncStatus syncNow() {
    coordinator.requestSync(user);
    return coordinator.status(user);
  }

  @Test
  void theFirstSyncStoresEveryBookingPageByPage() {
    SyncStatus status = syncNow();

    assertThat(status.state()).isEqualTo(State.IDLE);
    assertThat(status.storedBookings()).isEqualTo(1_050);
    assertThat(status.lastSyncedAt()).isEqualTo(clock.instant());
    assertThat(status.fetched()).isEqualTo(1_050);
    assertThat(status.total()).isEqualTo(1_050);
    assertThat(status.error()).isNull();
    assertThat(cal.requests).hasSize(11);
    assertThat(cal.requests)
        .extracting(q -> q.skip().orElseThrow())
        .containsExactly(0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
    assertThat(cal.requests).allMatch(q -> q.afterUpdatedAt().isEmpty());
    assertThat(store.findByUid(user, "uid-777")).contains(Bookings.number(777));
  }

  @Test
  void aFailureOnPage7KeepsPages1To6AndTheNextSyncResumesThere() {
    cal.failingSkips.add(600);

    SyncStatus failed = syncNow();

    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.error()).isEqualTo("Cal.com bookings request failed.");
    assertThat(failed.storedBookings()).isEqualTo(600);
    assertThat(failed.lastSyncedAt()).isNull();

    cal.failingSkips.clear();
    cal.requests.clear();
    clock.advance(Duration.ofSeconds(30));
    SyncStatus resumed = syncNow();

    assertThat(resumed.state()).isEqualTo(State.IDLE);
    assertThat(resumed.storedBookings()).isEqualTo(1_050);
    assertThat(cal.requests.get(0).skip()).hasValue(600);
    assertThat(cal.requests).hasSize(5);
  }

  @Test
  void aFailedSyncNeverRemovesStoredBookings() {
    syncNow();
    cal.failingSkips.add(0);
    clock.advance(Duration.ofMinutes(10));

    SyncStatus failed = syncNow();

    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.storedBookings()).isEqualTo(1_050);
  }

  @Test
  void anIncrementalSyncWithNothingNewIsOneRequest() {
    syncNow();
    Instant firstRunStart = clock.instant();
    cal.requests.clear();
    clock.advance(Duration.ofHours(1));

    SyncStatus status = syncNow();

    assertThat(cal.requests).hasSize(1);
    Instant newestStored = Bookings.number(1_050).updatedAt();
    assertThat(cal.requests.get(0).afterUpdatedAt())
        .hasValue(newestStored.minus(Duration.ofMinutes(1)));
    assertThat(newestStored).isBefore(firstRunStart);
    assertThat(status.state()).isEqualTo(State.IDLE);
    assertThat(status.lastSyncedAt()).isEqualTo(clock.instant());
    assertThat(status.storedBookings()).isEqualTo(1_050);
  }

  @Test
  void anIncrementalSyncStoresTheChangedBookings() {
    syncNow();
    clock.advance(Duration.ofHours(1));
    cal.change(clock.instant(), 3, 500, 501, 900, 1_049);
    cal.requests.clear();

    SyncStatus status = syncNow();

    assertThat(cal.requests).hasSize(1);
    assertThat(store.count(user)).isEqualTo(1_050);
    assertThat(status.storedBookings())
        .as("overwritten bookings are not counted twice")
        .isEqualTo(1_050);
    for (int n : new int[] {3, 500, 501, 900, 1_049}) {
      assertThat(store.findByUid(user, "uid-" + n).map(Booking::status)).hasValue("cancelled");
    }
    assertThat(store.findByUid(user, "uid-4").map(Booking::status)).hasValue("accepted");
  }

  @Test
  void aChangeMadeWhileTheFirstSyncRanIsPickedUpByTheNextOne() {
    Instant runStart = clock.instant();
    cal.beforeAnswer =
        () -> {
          if (cal.requests.size() == 5) {
            // booking 10 was on page 1, already stored; it changes while page 5 is read
            cal.change(runStart.plusSeconds(1), 10);
          }
          clock.advance(Duration.ofMinutes(3));
        };
    syncNow();
    cal.beforeAnswer = () -> {};
    cal.requests.clear();

    syncNow();

    assertThat(store.findByUid(user, "uid-10").map(Booking::status)).hasValue("cancelled");
    assertThat(cal.requests).hasSize(1);
  }

  @Test
  void aSyncRunningElsewhereIsJoinedNotRepeated() {
    Instant now = clock.instant();
    assertThat(states.tryAcquire(user, "other-instance/run", now, now.plus(LEASE))).isTrue();

    SyncStatus status = coordinator.requestSync(user);

    assertThat(status.state()).isEqualTo(State.RUNNING);
    assertThat(cal.requests).isEmpty();
    assertThat(states.tryAcquire(user, "third/run", now, now.plus(LEASE))).isFalse();
  }

  @Test
  void aRunWhoseInstanceDiedIsReportedAndTakenOverOnceItsLeaseExpires() {
    Instant now = clock.instant();
    states.tryAcquire(user, "dead-instance/run", now, now.plus(LEASE));
    clock.advance(LEASE.plusSeconds(1));

    assertThat(coordinator.status(user).state()).isEqualTo(State.FAILED);
    assertThat(coordinator.status(user).error()).isEqualTo(SyncCoordinator.INTERRUPTED);

    SyncStatus status = syncNow();

    assertThat(status.state()).isEqualTo(State.IDLE);
    assertThat(status.storedBookings()).isEqualTo(1_050);
  }

  @Test
  void aRunThatLostItsLeaseWritesNothingMore() {
    cal.beforeAnswer =
        () -> {
          if (cal.requests.size() == 3) {
            db.execute("UPDATE booking_sync SET lease_owner = 'thief' WHERE user_id = ?", user);
          }
        };

    syncNow();

    assertThat(store.count(user)).as("pages 1 and 2 only").isEqualTo(200);
    assertThat(cal.requests).hasSize(3);
  }

  @Test
  void ensureFreshSyncsStaleDataOnlyOnce() {
    SyncStatus first = coordinator.ensureFresh(user, Duration.ofSeconds(5));
    int afterFirst = cal.requests.size();
    clock.advance(MAX_AGE.minusSeconds(1));
    SyncStatus fresh = coordinator.ensureFresh(user, Duration.ofSeconds(5));

    assertThat(first.storedBookings()).isEqualTo(1_050);
    assertThat(fresh.lastSyncedAt()).isEqualTo(first.lastSyncedAt());
    assertThat(cal.requests).hasSize(afterFirst);

    clock.advance(Duration.ofSeconds(2));
    SyncStatus stale = coordinator.ensureFresh(user, Duration.ofSeconds(5));

    assertThat(cal.requests).hasSize(afterFirst + 1);
    assertThat(stale.lastSyncedAt()).isEqualTo(clock.instant());
  }

  @Test
  void ensureFreshDoesNotRetryARecentFailure() {
    cal.failingSkips.add(0);
    coordinator.ensureFresh(user, Duration.ofSeconds(5));
    cal.requests.clear();
    clock.advance(Duration.ofSeconds(10));

    SyncStatus status = coordinator.ensureFresh(user, Duration.ofSeconds(5));

    assertThat(status.state()).isEqualTo(State.FAILED);
    assertThat(cal.requests).isEmpty();
  }

  @Test
  void aUserWhoWasNeverSyncedIsIdleWithNothingStored() {
    SyncStatus status = coordinator.status(user);

    assertThat(status).isEqualTo(new SyncStatus(State.IDLE, null, 0, 0, null, null));
  }

  @Test
  void theFullSyncQueryIsStable() {
    syncNow();

    List<BookingQuery> firstPages = cal.requests.subList(0, 2);
    assertThat(firstPages).allMatch(q -> q.sortCreated().isPresent() && q.take().orElse(0) == 100);
  }

  @Test
  void aLargeFirstSyncLeavesPostgreSqlWithPlannerStatistics() throws Exception {
    TestDatabase postgres = new TestDatabase(LocalPostgres.freshSchema());
    BookingStore onPostgres = new BookingStore(postgres.database);
    SyncStateStore postgresStates = new SyncStateStore(postgres.database, onPostgres);
    SyncCoordinator onPostgresCoordinator = coordinator(onPostgres, postgresStates);
    String someone = postgres.addUser();
    assertThat(analyzedTables(postgres)).isEmpty();

    onPostgresCoordinator.requestSync(someone);

    assertThat(onPostgresCoordinator.status(someone).storedBookings()).isEqualTo(1_050);
    assertThat(analyzedTables(postgres)).containsExactlyInAnyOrder("booking", "booking_json");
  }

  /** The tables of the schema that ANALYZE has been run on. */
  private static List<String> analyzedTables(TestDatabase postgres) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = postgres.dataSource.getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()"
                        + " AND last_analyze IS NOT NULL")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}
