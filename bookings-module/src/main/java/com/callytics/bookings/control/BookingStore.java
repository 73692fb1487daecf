package com.callytics.bookings.control;

import static com.callytics.bookings.control.BookingsDatabase.instant;
import static com.callytics.bookings.control.BookingsDatabase.prepare;
import static com.callytics.bookings.control.BookingsDatabase.timestamp;

import com.callytics.bookings.boundary.MeetingJson;
import com.callytics.bookings.control.cal.CalBookingTranslator;
import com.callytics.bookings.entity.Booking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Each user's bookings as Callytics keeps them (table {@code booking}): upserted by (user, uid)
 * during a sync, read back page by page for analytics. The columns analytics filter on are columns;
 * the whole booking is its Meeting JSON, turned back into a {@link Booking} by the Cal.com
 * translator.
 */
@ApplicationScoped
public class BookingStore {

  /** Rows read per query when streaming. */
  static final int READ_PAGE_SIZE = 500;

  static final int MAX_UID_LENGTH = 255;
  static final int MAX_STATUS_LENGTH = 64;

  private static final Logger LOG = Logger.getLogger(BookingStore.class.getName());
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private static final String UPDATE =
      "UPDATE booking SET cal_id = ?, status = ?, start_at = ?, end_at = ?, event_type_id = ?,"
          + " created_at = ?, updated_at = ?, stored_at = ?, payload = ?"
          + " WHERE user_id = ? AND uid = ?";
  private static final String INSERT =
      "INSERT INTO booking (cal_id, status, start_at, end_at, event_type_id, created_at,"
          + " updated_at, stored_at, payload, user_id, uid)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Inject BookingsDatabase database;

  private final CalBookingTranslator translator = new CalBookingTranslator();

  public BookingStore() {}

  /** For tests: a store on the given database. */
  public BookingStore(BookingsDatabase database) {
    this.database = database;
  }

  /**
   * Inserts the bookings the user does not have yet and overwrites those they have, on the caller's
   * connection (and so in the caller's transaction). A uid given twice counts once (the last wins);
   * a booking whose uid is too long to store is skipped with a warning.
   *
   * @return how many bookings were new to the store (inserted rather than overwritten)
   */
  int upsert(Connection connection, String userId, Collection<Booking> bookings, Instant now)
      throws SQLException {
    Map<String, Booking> byUid = new LinkedHashMap<>();
    for (Booking booking : bookings) {
      if (booking.uid().length() > MAX_UID_LENGTH) {
        LOG.log(
            Level.WARNING,
            "Skipped a Cal.com booking (id {0}) with an over-long uid",
            booking.id());
        continue;
      }
      byUid.put(booking.uid(), booking);
    }
    if (byUid.isEmpty()) {
      return 0;
    }
    // Overwrite those the store has, then insert the ones no update found: both by primary key,
    // so that the cost of a page does not grow with the history.
    List<Row> candidates = new ArrayList<>(byUid.size());
    byUid.values().forEach(b -> candidates.add(new Row(b, MeetingJson.toJson(b).toString())));
    int[] updated = write(connection, UPDATE, userId, candidates, now);
    List<Row> inserts = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (updated[i] == 0
          || updated[i] == Statement.SUCCESS_NO_INFO
              && !exists(connection, userId, candidates.get(i).booking().uid())) {
        inserts.add(candidates.get(i));
      }
    }
    write(connection, INSERT, userId, inserts, now);
    return inserts.size();
  }

  private static boolean exists(Connection connection, String userId, String uid)
      throws SQLException {
    try (PreparedStatement select =
        prepare(connection, "SELECT 1 FROM booking WHERE user_id = ? AND uid = ?")) {
      select.setString(1, userId);
      select.setString(2, uid);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private static int[] write(
      Connection connection, String sql, String userId, List<Row> rows, Instant now)
      throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement statement = prepare(connection, sql)) {
      for (Row row : rows) {
        Booking booking = row.booking();
        statement.setLong(1, booking.id());
        statement.setString(2, truncate(booking.status(), MAX_STATUS_LENGTH));
        statement.setObject(3, timestamp(booking.start()));
        statement.setObject(4, timestamp(booking.end()));
        if (booking.eventTypeId() == null) {
          statement.setNull(5, Types.BIGINT);
        } else {
          statement.setLong(5, booking.eventTypeId());
        }
        setTimestamp(statement, 6, booking.createdAt());
        statement.setObject(7, timestamp(booking.updatedAt()));
        statement.setObject(8, timestamp(now));
        statement.setString(9, row.payload());
        statement.setString(10, userId);
        statement.setString(11, booking.uid());
        statement.addBatch();
      }
      return statement.executeBatch();
    }
  }

  /** How many bookings the store holds for the user. */
  public long count(String userId) {
    return count(userId, null, null, null);
  }

  /**
   * How many of the user's stored bookings start in {@code [from, to)}, optionally of one event
   * type.
   *
   * @param from inclusive lower bound, {@code null} for none
   * @param to exclusive upper bound, {@code null} for none
   * @param eventTypeId only this event type when not {@code null}
   */
  public long count(String userId, Instant from, Instant to, Long eventTypeId) {
    Objects.requireNonNull(userId, "userId");
    Filter filter = new Filter(userId, from, to, eventTypeId);
    String sql = "SELECT COUNT(*) FROM booking WHERE " + filter.sql();
    try (Connection connection = database.connection();
        PreparedStatement count = prepare(connection, sql)) {
      filter.bind(count, 1);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new BookingStoreException("Counting stored bookings failed", e);
    }
  }

  /**
   * The user's stored bookings that start in {@code [from, to)}, optionally of one event type,
   * ordered by start (then uid). Read lazily, {@value #READ_PAGE_SIZE} rows per query, so that
   * memory does not grow with the history; no connection is held between pages, so the stream need
   * not be closed (closing it does no harm).
   *
   * @param from inclusive lower bound, {@code null} for none
   * @param to exclusive upper bound, {@code null} for none
   * @param eventTypeId only this event type when not {@code null}
   */
  public Stream<Booking> stream(String userId, Instant from, Instant to, Long eventTypeId) {
    Objects.requireNonNull(userId, "userId");
    Iterator<Booking> pages = new Pages(new Filter(userId, from, to, eventTypeId));
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            pages, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        false);
  }

  /** The newest {@code updatedAt} among the user's stored bookings. */
  public Optional<Instant> findNewestUpdatedAt(String userId) {
    try (Connection connection = database.connection();
        PreparedStatement newest =
            prepare(connection, "SELECT MAX(updated_at) FROM booking WHERE user_id = ?")) {
      newest.setString(1, userId);
      try (ResultSet row = newest.executeQuery()) {
        row.next();
        return Optional.ofNullable(instant(row.getObject(1, OffsetDateTime.class)));
      }
    } catch (SQLException e) {
      throw new BookingStoreException("Reading the newest stored booking failed", e);
    }
  }

  /** One stored booking of the user. */
  public Optional<Booking> findByUid(String userId, String uid) {
    try (Connection connection = database.connection();
        PreparedStatement select =
            prepare(connection, "SELECT payload FROM booking WHERE user_id = ? AND uid = ?")) {
      select.setString(1, userId);
      select.setString(2, uid);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? toBooking(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new BookingStoreException("Reading a stored booking failed", e);
    }
  }

  private Optional<Booking> toBooking(String payload) {
    try (JsonReader reader = READERS.createReader(new StringReader(payload))) {
      Optional<Booking> booking =
          reader.readValue() instanceof JsonObject json
              ? translator.translate(json)
              : Optional.empty();
      if (booking.isEmpty()) {
        LOG.warning("Skipped a stored booking that can no longer be read");
      }
      return booking;
    } catch (JsonException | IllegalStateException unreadable) {
      LOG.warning("Skipped a stored booking that is not valid JSON");
      return Optional.empty();
    }
  }

  private static void setTimestamp(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, timestamp(value));
    }
  }

  private static String truncate(String text, int length) {
    return text.length() > length ? text.substring(0, length) : text;
  }

  /** A booking with its Meeting JSON, as stored. */
  private record Row(Booking booking, String payload) {}

  /** The WHERE clause of a user's bookings in a range. */
  private record Filter(String userId, Instant from, Instant to, Long eventTypeId) {

    String sql() {
      StringBuilder sql = new StringBuilder("user_id = ?");
      if (from != null) {
        sql.append(" AND start_at >= ?");
      }
      if (to != null) {
        sql.append(" AND start_at < ?");
      }
      if (eventTypeId != null) {
        sql.append(" AND event_type_id = ?");
      }
      return sql.toString();
    }

    /** Binds the parameters from {@code index} on; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
      statement.setString(index++, userId);
      if (from != null) {
        statement.setObject(index++, timestamp(from));
      }
      if (to != null) {
        statement.setObject(index++, timestamp(to));
      }
      if (eventTypeId != null) {
        statement.setLong(index++, eventTypeId);
      }
      return index;
    }
  }

  /** Keyset pagination over (start_at, uid): each page one short query. */
  private final class Pages implements Iterator<Booking> {

    private final Filter filter;
    private final Deque<Booking> buffer = new ArrayDeque<>();
    private OffsetDateTime lastStart;
    private String lastUid;
    private boolean exhausted;

    Pages(Filter filter) {
      this.filter = filter;
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty() && !exhausted) {
        readPage();
      }
      return !buffer.isEmpty();
    }

    @Override
    public Booking next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.poll();
    }

    private void readPage() {
      String sql =
          "SELECT start_at, uid, payload FROM booking WHERE "
              + filter.sql()
              + (lastUid == null ? "" : " AND (start_at > ? OR (start_at = ? AND uid > ?))")
              + " ORDER BY start_at, uid FETCH FIRST "
              + READ_PAGE_SIZE
              + " ROWS ONLY";
      try (Connection connection = database.connection();
          PreparedStatement select = prepare(connection, sql)) {
        int index = filter.bind(select, 1);
        if (lastUid != null) {
          select.setObject(index++, lastStart);
          select.setObject(index++, lastStart);
          select.setString(index, lastUid);
        }
        select.setFetchSize(READ_PAGE_SIZE);
        int rows = 0;
        try (ResultSet page = select.executeQuery()) {
          while (page.next()) {
            rows++;
            lastStart = page.getObject(1, OffsetDateTime.class);
            lastUid = page.getString(2);
            toBooking(page.getString(3)).ifPresent(buffer::add);
          }
        }
        exhausted = rows < READ_PAGE_SIZE;
      } catch (SQLException e) {
        throw new BookingStoreException("Reading stored bookings failed", e);
      }
    }
  }
}
