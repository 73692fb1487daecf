package com.callytics.bookings.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.control.AnalyticsCalculator;
import com.callytics.analytics.control.BookingCsvWriter;
import com.callytics.analytics.control.DemoBookings;
import com.callytics.analytics.entity.Analytics;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.boundary.MeetingJson;
import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Booking.Attendee;
import com.callytics.bookings.entity.Booking.Host;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analytics and the CSV export read bookings from the store's columns instead of their stored JSON:
 * what they compute from the store must be exactly what they compute from the bookings Cal.com
 * sent.
 */
class BookingColumnsTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final TestDatabase db = new TestDatabase();
  private final BookingStore store = new BookingStore(db.database);
  private final String user = db.addUser();

  private void upsert(List<Booking> bookings) throws Exception {
    try (Connection connection = db.dataSource.getConnection()) {
      store.upsert(connection, user, bookings, NOW);
    }
  }

  private List<Booking> stored() {
    try (Stream<Booking> bookings = store.stream(user, null, null, null)) {
      return bookings.toList();
    }
  }

  @Test
  void analyticsOfTheStoredBookingsEqualThoseOfTheBookingsThemselves() throws Exception {
    List<Booking> demo = DemoBookings.generate(CLOCK);
    upsert(demo);
    AnalyticsCalculator calculator = new AnalyticsCalculator();

    for (ZoneId zone :
        List.of(ZoneOffset.UTC, ZoneId.of("Asia/Tokyo"), ZoneId.of("America/Los_Angeles"))) {
      AnalyticsRequest request = AnalyticsRequest.allTime(zone, NOW);
      Analytics fromStore;
      try (Stream<Booking> bookings = store.stream(user, null, null, null)) {
        fromStore = calculator.calculate(request, bookings);
      }

      assertThat(fromStore).isEqualTo(calculator.calculate(request, demo));
      assertThat(fromStore.overview().total()).isPositive();
    }
  }

  @Test
  void theCsvExportOfTheStoredBookingsEqualsThatOfTheBookingsThemselves() throws Exception {
    List<Booking> demo = DemoBookings.generate(CLOCK);
    upsert(demo);

    assertThat(csv(stored())).isEqualTo(csv(demo.stream().sorted(BY_START).toList()));
  }

  private static final java.util.Comparator<Booking> BY_START =
      java.util.Comparator.comparing(Booking::start).thenComparing(Booking::uid);

  private static String csv(List<Booking> bookings) throws Exception {
    StringWriter out = new StringWriter();
    new BookingCsvWriter(out).writeAll(bookings);
    return out.toString();
  }

  @Test
  void peopleReadBackWithMissingNamesSeparatorsInNamesAndNoShows() throws Exception {
    Booking original =
        withPeople(
            Bookings.number(1),
            List.of(
                new Host(1L, null, "solo@example.com", "solo", "UTC"),
                new Host(2L, "Ann\u001EMarie\u001FLee", "", "ann", "UTC")),
            List.of(
                new Attendee("Guest", "guest@example.com", "UTC", "en", true, null),
                new Attendee(null, null, null, null, false, null),
                new Attendee("", "late@example.com", "UTC", "en", false, "+1")));
    upsert(List.of(original, withPeople(Bookings.number(2), List.of(), List.of())));

    List<Booking> read = stored();

    assertThat(read.get(0).hosts())
        .containsExactly(
            new Host(null, null, "solo@example.com", null, null),
            new Host(null, "Ann Marie Lee", "", null, null));
    assertThat(read.get(0).attendees())
        .containsExactly(
            new Attendee("Guest", "guest@example.com", null, null, true, null),
            new Attendee(null, null, null, null, false, null),
            new Attendee("", "late@example.com", null, null, false, null));
    assertThat(read.get(1).hosts()).isEmpty();
    assertThat(read.get(1).attendees()).isEmpty();
  }

  @Test
  void scalarFieldsReadBackAsStoredAndTheRestStaysInTheStoredJson() throws Exception {
    Booking original = Bookings.number(5); // rating 4, absent host, an event type, a meeting URL
    upsert(List.of(original));

    Booking read = stored().get(0);

    assertThat(read)
        .extracting(
            Booking::id,
            Booking::uid,
            Booking::title,
            Booking::status,
            Booking::start,
            Booking::end,
            Booking::duration,
            Booking::eventTypeId,
            Booking::eventType,
            Booking::meetingUrl,
            Booking::location,
            Booking::absentHost,
            Booking::createdAt,
            Booking::updatedAt,
            Booking::rating)
        .containsExactly(
            original.id(),
            original.uid(),
            original.title(),
            original.status(),
            original.start(),
            original.end(),
            original.duration(),
            original.eventTypeId(),
            original.eventType(),
            original.meetingUrl(),
            original.location(),
            original.absentHost(),
            original.createdAt(),
            original.updatedAt(),
            original.rating());
    assertThat(read.description()).isNull();
    assertThat(store.findByUid(user, original.uid())).contains(original);
  }

  /** A fresh H2 database, and a fresh schema on the local PostgreSQL when one answers. */
  static Stream<Arguments> emptyDatabases() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emptyDatabases")
  void migrationFillsTheColumnsOfBookingsStoredBeforeThem(String name, DataSource h2)
      throws Exception {
    DataSource dataSource = h2 != null ? h2 : LocalPostgres.freshSchema();
    Flyway.configure().dataSource(dataSource).target("3").load().migrate();
    String userId = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    List<Booking> demo = DemoBookings.generate(CLOCK);
    // more than one batch of the migration, over two users
    List<Booking> many = IntStream.range(0, 1_200).mapToObj(Bookings::number).toList();
    try (Connection connection = dataSource.getConnection()) {
      insertAsVersion3(connection, userId, 1, demo);
      insertAsVersion3(connection, other, 2, many);
    }

    Flyway.configure().dataSource(dataSource).load().migrate();

    BookingStore migrated = new BookingStore(BookingsDatabase.of(dataSource));
    AnalyticsCalculator calculator = new AnalyticsCalculator();
    AnalyticsRequest request = AnalyticsRequest.allTime(ZoneId.of("Europe/Berlin"), NOW);
    try (Stream<Booking> bookings = migrated.stream(userId, null, null, null)) {
      assertThat(calculator.calculate(request, bookings))
          .isEqualTo(calculator.calculate(request, demo));
    }
    try (Stream<Booking> bookings = migrated.stream(other, null, null, null)) {
      assertThat(bookings.map(Booking::title))
          .containsExactlyElementsOf(many.stream().map(Booking::title).toList());
    }
  }

  /** Rows as version 3 of the schema stored them: filter columns and the JSON, nothing else. */
  private static void insertAsVersion3(
      Connection connection, String userId, long calUserId, List<Booking> bookings)
      throws Exception {
    try (PreparedStatement user =
        connection.prepareStatement(
            "INSERT INTO app_user (id, cal_user_id, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
      user.setString(1, userId);
      user.setLong(2, calUserId);
      user.setObject(3, OffsetDateTime.now());
      user.setObject(4, OffsetDateTime.now());
      user.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO booking (user_id, uid, cal_id, status, start_at, end_at, event_type_id,"
                + " created_at, updated_at, stored_at, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Booking booking : bookings) {
        insert.setString(1, userId);
        insert.setString(2, booking.uid());
        insert.setLong(3, booking.id());
        insert.setString(4, booking.status());
        insert.setObject(5, BookingsDatabase.timestamp(booking.start()));
        insert.setObject(6, BookingsDatabase.timestamp(booking.end()));
        insert.setObject(7, booking.eventTypeId());
        insert.setObject(8, BookingsDatabase.timestamp(booking.createdAt()));
        insert.setObject(9, BookingsDatabase.timestamp(booking.updatedAt()));
        insert.setObject(10, BookingsDatabase.timestamp(NOW));
        insert.setString(11, MeetingJson.toJson(booking).toString());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static Booking withPeople(Booking b, List<Host> hosts, List<Attendee> attendees) {
    return new Booking(
        b.id(),
        b.uid(),
        b.title(),
        b.description(),
        hosts,
        b.status(),
        b.cancellationReason(),
        b.cancelledByEmail(),
        b.reschedulingReason(),
        b.rescheduledByEmail(),
        b.rescheduledFromUid(),
        b.rescheduledToUid(),
        b.start(),
        b.end(),
        b.duration(),
        b.eventTypeId(),
        b.eventType(),
        b.meetingUrl(),
        b.location(),
        b.absentHost(),
        b.createdAt(),
        b.updatedAt(),
        b.metadata(),
        b.rating(),
        b.icsUid(),
        attendees,
        b.guests(),
        b.bookingFieldsResponses());
  }
}
