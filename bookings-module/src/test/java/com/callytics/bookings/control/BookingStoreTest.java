package com.callytics.bookings.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.bookings.entity.Booking;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.h2.engine.SessionLocal;
import org.junit.jupiter.api.Test;

class BookingStoreTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private final TestDatabase db = new TestDatabase();
  private final BookingStore store = new BookingStore(db.database);
  private final String user = db.addUser();

  private void upsert(String userId, List<Booking> bookings) throws Exception {
    try (Connection connection = db.dataSource.getConnection()) {
      store.upsert(connection, userId, bookings, NOW);
    }
  }

  /** All the user's bookings (of one event type when given), read through a closed stream. */
  private List<Booking> streamed(String userId, Long eventTypeId) {
    try (Stream<Booking> bookings = store.stream(userId, null, null, eventTypeId)) {
      return bookings.toList();
    }
  }

  @Test
  void aCursorReadPartlyAndClosedGivesItsConnectionBackAsItFoundIt() throws Exception {
    upsert(user, IntStream.rangeClosed(1, 3).mapToObj(Bookings::number).toList());
    Connection real = db.dataSource.getConnection();
    AtomicReference<String> lazyWhenClosed = new AtomicReference<>();
    AtomicBoolean autoCommitWhenClosed = new AtomicBoolean();
    Connection watched =
        (Connection)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    lazyWhenClosed.set(lazyQueryExecution(real));
                    autoCommitWhenClosed.set(real.getAutoCommit());
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    BookingStore watchedStore =
        new BookingStore(
            new BookingsDatabase() {
              @Override
              public Connection connection() {
                return watched;
              }
            });

    try (Stream<Booking> bookings = watchedStore.streamInAnyOrder(user, null, null, null)) {
      assertThat(bookings.findFirst()).isPresent(); // read partly, then closed
      // H2 hands rows out as they are read, instead of keeping the whole result first
      assertThat(lazyQueryExecution(real)).isEqualTo("TRUE");
    }

    assertThat(real.isClosed()).isTrue();
    assertThat(lazyWhenClosed).hasValue("FALSE");
    assertThat(autoCommitWhenClosed).isTrue();
  }

  @Test
  void theOrderedStreamHoldsNoConnectionWhileItsConsumerWorks() throws Exception {
    int n = BookingStore.READ_PAGE_SIZE * 2 + 1;
    upsert(user, IntStream.rangeClosed(1, n).mapToObj(Bookings::number).toList());
    AtomicInteger open = new AtomicInteger();
    AtomicInteger opened = new AtomicInteger();
    BookingStore countingStore =
        new BookingStore(
            new BookingsDatabase() {
              @Override
              public Connection connection() throws SQLException {
                Connection real = db.dataSource.getConnection();
                open.incrementAndGet();
                opened.incrementAndGet();
                return (Connection)
                    Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                          if (method.getName().equals("close") && !real.isClosed()) {
                            open.decrementAndGet();
                          }
                          try {
                            return method.invoke(real, args);
                          } catch (InvocationTargetException e) {
                            throw e.getCause();
                          }
                        });
              }
            });
    List<Integer> openWhileConsuming = new ArrayList<>();

    try (Stream<Booking> bookings = countingStore.stream(user, null, null, null)) {
      bookings.forEach(b -> openWhileConsuming.add(open.get()));
    }

    assertThat(openWhileConsuming).hasSize(n).containsOnly(0);
    assertThat(opened).as("one short query per page").hasValue(3);
  }

  private static String lazyQueryExecution(Connection connection) throws SQLException {
    SessionLocal session =
        (SessionLocal) connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
    return session.isLazyQueryExecution() ? "TRUE" : "FALSE";
  }

  @Test
  void onPostgreSqlAnUpsertInsertsTheNewAndOverwritesTheStored() throws Exception {
    TestDatabase postgres = new TestDatabase(LocalPostgres.freshSchema());
    BookingStore onPostgres = new BookingStore(postgres.database);
    String someone = postgres.addUser();
    Booking cancelled = Bookings.number(2, "cancelled", NOW);
    int first;
    int second;

    try (Connection connection = postgres.dataSource.getConnection()) {
      first =
          onPostgres.upsert(
              connection, someone, List.of(Bookings.number(1), Bookings.number(2)), NOW);
      second = onPostgres.upsert(connection, someone, List.of(cancelled, Bookings.number(3)), NOW);
    }

    String many = postgres.addUser();
    try (Connection connection = postgres.dataSource.getConnection()) {
      List<Booking> more = IntStream.rangeClosed(1, 3_001).mapToObj(Bookings::number).toList();
      assertThat(onPostgres.upsert(connection, many, more, NOW))
          .as("more than one statement's worth of rows")
          .isEqualTo(3_001);
    }
    assertThat(onPostgres.count(many)).isEqualTo(3_001);
    assertThat(first).as("new").isEqualTo(2);
    assertThat(second).as("new: uid-3 only").isEqualTo(1);
    assertThat(onPostgres.count(someone)).isEqualTo(3);
    assertThat(onPostgres.findByUid(someone, "uid-2")).contains(cancelled);
    try (Stream<Booking> stored = onPostgres.stream(someone, null, null, null)) {
      assertThat(stored.filter(b -> b.uid().equals("uid-2")).toList())
          .singleElement()
          .satisfies(b -> assertThat(b.status()).isEqualTo("cancelled"));
    }
  }

  @Test
  void aStoredBookingReadsBackEqual() throws Exception {
    Booking booking = Bookings.number(42);

    upsert(user, List.of(booking));

    assertThat(store.findByUid(user, "uid-42")).contains(booking);
    assertThat(store.count(user)).isEqualTo(1);
  }

  @Test
  void aBookingStoredAgainIsOverwrittenNotDuplicated() throws Exception {
    upsert(user, List.of(Bookings.number(1), Bookings.number(2)));
    Booking cancelled = Bookings.number(2, "cancelled", NOW);

    upsert(user, List.of(cancelled, Bookings.number(3)));

    assertThat(store.count(user)).isEqualTo(3);
    assertThat(store.findByUid(user, "uid-2")).contains(cancelled);
    assertThat(store.findNewestUpdatedAt(user)).contains(NOW);
  }

  @Test
  void aUidTwiceInOnePageCountsOnceAndTheLastWins() throws Exception {
    Booking later = Bookings.number(5, "cancelled", NOW);

    upsert(user, List.of(Bookings.number(5), later));

    assertThat(store.count(user)).isEqualTo(1);
    assertThat(store.findByUid(user, "uid-5")).contains(later);
  }

  @Test
  void usersDoNotSeeEachOthersBookings() throws Exception {
    String other = db.addUser();
    upsert(user, List.of(Bookings.number(1)));
    upsert(other, List.of(Bookings.number(1), Bookings.number(2)));

    assertThat(store.count(user)).isEqualTo(1);
    assertThat(store.count(other)).isEqualTo(2);
    assertThat(streamed(user, null)).extracting(Booking::uid).containsExactly("uid-1");
  }

  @Test
  void streamingReadsEveryBookingOfTheRangeInStartOrderAcrossPages() throws Exception {
    int n = BookingStore.READ_PAGE_SIZE * 2 + 17;
    List<Booking> all = new ArrayList<>();
    IntStream.rangeClosed(1, n).forEach(i -> all.add(Bookings.number(i)));
    // stored in reverse so that the order comes from the query
    Collections.reverse(all);
    upsert(user, all);
    Instant from = Bookings.EPOCH.plus(Duration.ofHours(10));
    Instant to = Bookings.EPOCH.plus(Duration.ofHours(n - 5));

    List<Booking> range;
    try (Stream<Booking> stream = store.stream(user, from, to, null)) {
      range = stream.toList();
    }

    assertThat(range).extracting(Booking::uid).first().isEqualTo("uid-10");
    assertThat(range).extracting(Booking::uid).last().isEqualTo("uid-" + (n - 6));
    assertThat(range).hasSize(n - 15).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
    assertThat(store.count(user, from, to, null)).isEqualTo(n - 15);
    assertThat(streamed(user, null)).hasSize(n);
  }

  @Test
  void bookingsStartingAtTheSameInstantAreAllStreamed() throws Exception {
    List<Booking> sameStart = new ArrayList<>();
    for (int i = 0; i < BookingStore.READ_PAGE_SIZE + 3; i++) {
      Booking b = Bookings.number(1);
      sameStart.add(
          new Booking(
              i,
              "same-" + i,
              b.title(),
              b.description(),
              b.hosts(),
              b.status(),
              null,
              null,
              null,
              null,
              null,
              null,
              b.start(),
              b.end(),
              b.duration(),
              b.eventTypeId(),
              b.eventType(),
              null,
              null,
              false,
              b.createdAt(),
              b.updatedAt(),
              "{}",
              null,
              null,
              b.attendees(),
              List.of(),
              "{}"));
    }
    upsert(user, sameStart);

    assertThat(streamed(user, null).stream().map(Booking::uid).distinct().count())
        .isEqualTo(BookingStore.READ_PAGE_SIZE + 3);
  }

  @Test
  void readingInAnyOrderGivesTheSameBookingsOfTheRange() throws Exception {
    List<Booking> all = IntStream.rangeClosed(1, 60).mapToObj(Bookings::number).toList();
    upsert(user, all);
    Instant from = Bookings.EPOCH.plus(Duration.ofHours(10));
    Instant to = Bookings.EPOCH.plus(Duration.ofHours(50));

    List<Booking> anyOrder;
    try (Stream<Booking> stream = store.streamInAnyOrder(user, from, to, 1L)) {
      anyOrder = stream.toList();
    }
    List<Booking> ordered;
    try (Stream<Booking> stream = store.stream(user, from, to, 1L)) {
      ordered = stream.toList();
    }

    assertThat(anyOrder).hasSize(14).containsExactlyInAnyOrderElementsOf(ordered);
  }

  @Test
  void streamingFiltersByEventType() throws Exception {
    upsert(user, IntStream.rangeClosed(1, 30).mapToObj(Bookings::number).toList());

    assertThat(streamed(user, 2L)).hasSize(10).allMatch(b -> b.eventTypeId() == 2L);
    assertThat(store.count(user, null, null, 2L)).isEqualTo(10);
  }

  @Test
  void anEmptyStoreStreamsNothing() {
    assertThat(streamed(user, null)).isEmpty();
    assertThat(store.findNewestUpdatedAt(user)).isEmpty();
    assertThat(store.findByUid(user, "nope")).isEmpty();
  }

  @Test
  void deletingTheUserDeletesTheirBookingsAndSyncState() throws Exception {
    upsert(user, List.of(Bookings.number(1), Bookings.number(2)));
    SyncStateStore states = new SyncStateStore(db.database, store);
    states.tryAcquire(user, "owner", NOW, NOW.plusSeconds(60));

    db.execute("DELETE FROM app_user WHERE id = ?", user);

    assertThat(store.count(user)).isZero();
    assertThat(states.find(user)).isEmpty();
  }
}
