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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Each user's bookings as Callytics keeps them: upserted by (user, uid) during a sync, streamed
 * back for analytics and the CSV export. Table {@code booking} holds what those read, one column
 * per field ({@link BookingColumns}), so that reading a long history parses no JSON; table {@code
 * booking_json} holds each whole booking as its Meeting JSON, turned back into a {@link Booking} by
 * the Cal.com translator when one booking is asked for by uid.
 */
@ApplicationScoped
public class BookingStore {

  /** Rows fetched per round trip when streaming, and bookings per batch of the V5 fill. */
  static final int READ_PAGE_SIZE = 500;

  static final int MAX_UID_LENGTH = 255;

  private static final Logger LOG = Logger.getLogger(BookingStore.class.getName());
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private static final String UPDATE =
      "UPDATE booking SET "
          + String.join(" = ?, ", BookingColumns.NAMES)
          + " = ?, stored_at = ? WHERE user_id = ? AND uid = ?";
  private static final String INSERT =
      "INSERT INTO booking ("
          + String.join(", ", BookingColumns.NAMES)
          + ", stored_at, user_id, uid) VALUES (?"
          + ", ?".repeat(BookingColumns.NAMES.size() + 2)
          + ")";

  /**
   * PostgreSQL's upsert of a page: conflicts are found through the primary key whatever the
   * planner's statistics say. (The UPDATE by user and uid let the planner pick the smaller
   * (user_id, updated_at) index when its statistics predate the user, as after an ANALYZE or an
   * autovacuum taken before a new user's first sync, and then every row of the page scanned all the
   * user's bookings stored so far: a 100,000-booking first sync slowed down quadratically.)
   */
  private static final String UPSERT_ON_POSTGRES_HEAD =
      "INSERT INTO booking ("
          + String.join(", ", BookingColumns.NAMES)
          + ", stored_at, user_id, uid) VALUES ";

  private static final String UPSERT_ON_POSTGRES_ROW =
      "(?" + ", ?".repeat(BookingColumns.NAMES.size() + 2) + ")";

  private static final String UPSERT_ON_POSTGRES_TAIL =
      " ON CONFLICT (user_id, uid) DO UPDATE SET "
          + BookingColumns.NAMES.stream()
              .map(name -> name + " = EXCLUDED." + name)
              .collect(java.util.stream.Collectors.joining(", "))
          + ", stored_at = EXCLUDED.stored_at RETURNING uid, (xmax = 0) AS inserted";

  private static final String UPDATE_JSON =
      "UPDATE booking_json SET payload = ? WHERE user_id = ? AND uid = ?";
  private static final String INSERT_JSON =
      "INSERT INTO booking_json (payload, user_id, uid) VALUES (?, ?, ?)";

  @Inject BookingsDatabase database;

  private static final CalBookingTranslator TRANSLATOR = new CalBookingTranslator();

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
    List<Row> overwritten = new ArrayList<>();
    List<Row> inserts = new ArrayList<>();
    if (BookingsDatabase.isH2(connection)) {
      int[] updated = write(connection, UPDATE, userId, candidates, now);
      for (int i = 0; i < candidates.size(); i++) {
        if (updated[i] == 0
            || updated[i] == Statement.SUCCESS_NO_INFO
                && !exists(connection, userId, candidates.get(i).booking().uid())) {
          inserts.add(candidates.get(i));
        } else {
          overwritten.add(candidates.get(i));
        }
      }
      write(connection, INSERT, userId, inserts, now);
    } else {
      Set<String> inserted = new HashSet<>();
      // at most 500 rows per statement: PostgreSQL binds at most 65,535 parameters to one
      for (int from = 0; from < candidates.size(); from += READ_PAGE_SIZE) {
        List<Row> chunk =
            candidates.subList(from, Math.min(candidates.size(), from + READ_PAGE_SIZE));
        inserted.addAll(upsertOnPostgres(connection, userId, chunk, now));
      }
      for (Row row : candidates) {
        (inserted.contains(row.booking().uid()) ? inserts : overwritten).add(row);
      }
    }
    writeJson(connection, UPDATE_JSON, userId, overwritten);
    writeJson(connection, INSERT_JSON, userId, inserts);
    return inserts.size();
  }

  /** One statement for the page; returns the uids that were new (inserted, not overwritten). */
  private static Set<String> upsertOnPostgres(
      Connection connection, String userId, List<Row> rows, Instant now) throws SQLException {
    String sql =
        UPSERT_ON_POSTGRES_HEAD
            + String.join(", ", java.util.Collections.nCopies(rows.size(), UPSERT_ON_POSTGRES_ROW))
            + UPSERT_ON_POSTGRES_TAIL;
    try (PreparedStatement statement = prepare(connection, sql)) {
      int index = 1;
      for (Row row : rows) {
        index = BookingColumns.bind(statement, index, row.booking());
        statement.setObject(index++, timestamp(now));
        statement.setString(index++, userId);
        statement.setString(index++, row.booking().uid());
      }
      Set<String> inserted = new HashSet<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          if (result.getBoolean(2)) {
            inserted.add(result.getString(1));
          }
        }
      }
      return inserted;
    }
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
        int index = BookingColumns.bind(statement, 1, row.booking());
        statement.setObject(index++, timestamp(now));
        statement.setString(index++, userId);
        statement.setString(index, row.booking().uid());
        statement.addBatch();
      }
      return statement.executeBatch();
    }
  }

  private static void writeJson(Connection connection, String sql, String userId, List<Row> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = prepare(connection, sql)) {
      for (Row row : rows) {
        statement.setString(1, row.payload());
        statement.setString(2, userId);
        statement.setString(3, row.booking().uid());
        statement.addBatch();
      }
      statement.executeBatch();
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
   * ordered by start (then uid), as the CSV export reads them: from the booking's columns, without
   * parsing its stored JSON, so that some fields are empty (see {@link BookingColumns}).
   *
   * <p>Read page by page ({@value #READ_PAGE_SIZE} bookings per query, keyset on start and uid),
   * each page on a connection that is given back before its bookings are handed on: memory does not
   * grow with the history, and a slow consumer (a download to a slow client) holds no database
   * connection while it works.
   *
   * @param from inclusive lower bound, {@code null} for none
   * @param to exclusive upper bound, {@code null} for none
   * @param eventTypeId only this event type when not {@code null}
   */
  public Stream<Booking> stream(String userId, Instant from, Instant to, Long eventTypeId) {
    Filter filter = new Filter(userId, from, to, eventTypeId);
    return Stream.iterate(
            readPage(filter, null),
            page -> !page.isEmpty(),
            page ->
                page.size() < READ_PAGE_SIZE
                    ? List.of()
                    : readPage(filter, page.get(page.size() - 1)))
        .flatMap(List::stream);
  }

  /**
   * The same bookings as {@link #stream}, in no particular order, through one forward-only cursor:
   * for a reader that does not need an order and consumes quickly (analytics). The database reads
   * them the cheapest way and sorts nothing (H2 sorts a long result through a temporary table even
   * where an index gives the order).
   *
   * <p>The stream holds a database connection until it is closed: close it (try-with-resources).
   */
  public Stream<Booking> streamInAnyOrder(
      String userId, Instant from, Instant to, Long eventTypeId) {
    Cursor cursor = new Cursor(new Filter(userId, from, to, eventTypeId));
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                cursor, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
            false)
        .onClose(cursor::close);
  }

  /** The next {@value #READ_PAGE_SIZE} bookings after {@code after} (from the first when null). */
  private List<Booking> readPage(Filter filter, Booking after) {
    String sql =
        "SELECT "
            + BookingColumns.SELECT_LIST
            + " FROM booking WHERE "
            + filter.sql()
            // a row comparison, which PostgreSQL turns into a range scan of the (user, start, uid)
            // index: the OR form made every page scan the user's bookings from the first one
            + (after == null ? "" : " AND (start_at, uid) > (?, ?)")
            // user_id first, so that H2 sees that the index gives this order
            + " ORDER BY user_id, start_at, uid FETCH FIRST "
            + READ_PAGE_SIZE
            + " ROWS ONLY";
    try (Connection connection = database.connection();
        PreparedStatement select = prepare(connection, sql)) {
      int index = filter.bind(select, 1);
      if (after != null) {
        select.setObject(index++, timestamp(after.start()));
        select.setString(index, after.uid());
      }
      List<Booking> page = new ArrayList<>(READ_PAGE_SIZE);
      try (ResultSet result = select.executeQuery()) {
        ResultSet rows = BookingsDatabase.unwrapped(result);
        while (rows.next()) {
          page.add(BookingColumns.read(rows));
        }
      }
      return page;
    } catch (SQLException e) {
      throw new BookingStoreException("Reading stored bookings failed", e);
    }
  }

  /**
   * Has PostgreSQL gather fresh planner statistics of the booking tables, as its manual advises
   * after a bulk load: a first sync that stored thousands of bookings at once. Until autovacuum
   * does it (about a minute later by default, never where it is switched off) the planner takes the
   * tables for nearly empty and reads a user's whole history for each page of the CSV export. H2
   * needs none. A failure is logged, never thrown: statistics are an optimisation.
   */
  public void refreshPlannerStatistics() {
    try (Connection connection = database.connection()) {
      if (BookingsDatabase.isH2(connection)) {
        return;
      }
      try (Statement analyze = connection.createStatement()) {
        analyze.execute("ANALYZE booking");
        analyze.execute("ANALYZE booking_json");
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Refreshing the planner statistics of the booking tables failed", e);
    }
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
            prepare(connection, "SELECT payload FROM booking_json WHERE user_id = ? AND uid = ?")) {
      select.setString(1, userId);
      select.setString(2, uid);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? toBooking(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new BookingStoreException("Reading a stored booking failed", e);
    }
  }

  private static Optional<Booking> toBooking(String payload) {
    try (JsonReader reader = READERS.createReader(new StringReader(payload))) {
      Optional<Booking> booking =
          reader.readValue() instanceof JsonObject json
              ? TRANSLATOR.translate(json)
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

  /**
   * Fills the columns of every stored booking from its stored JSON, on the caller's connection: for
   * the bookings stored before those columns existed (migration V5). Key order, {@value
   * #READ_PAGE_SIZE} bookings per batch, so that memory stays flat however many there are.
   *
   * @return how many bookings were filled
   */
  public static int fillColumnsFromStoredJson(Connection connection) throws SQLException {
    String update =
        "UPDATE booking SET "
            + String.join(" = ?, ", BookingColumns.NAMES)
            + " = ? WHERE user_id = ? AND uid = ?";
    String first = "SELECT user_id, uid, payload FROM booking_json";
    String after = first + " WHERE user_id > ? OR (user_id = ? AND uid > ?)";
    String order = " ORDER BY user_id, uid FETCH FIRST " + READ_PAGE_SIZE + " ROWS ONLY";
    int filled = 0;
    String lastUser = null;
    String lastUid = null;
    while (true) {
      int read = 0;
      try (PreparedStatement select =
              prepare(connection, (lastUser == null ? first : after) + order);
          PreparedStatement write = prepare(connection, update)) {
        if (lastUser != null) {
          select.setString(1, lastUser);
          select.setString(2, lastUser);
          select.setString(3, lastUid);
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            read++;
            lastUser = rows.getString(1);
            lastUid = rows.getString(2);
            Optional<Booking> booking = toBooking(rows.getString(3));
            if (booking.isPresent()) {
              int index = BookingColumns.bind(write, 1, booking.get());
              write.setString(index++, lastUser);
              write.setString(index, lastUid);
              write.addBatch();
              filled++;
            }
          }
        }
        write.executeBatch();
      }
      if (read < READ_PAGE_SIZE) {
        return filled;
      }
    }
  }

  /** A booking with its Meeting JSON, as stored. */
  private record Row(Booking booking, String payload) {}

  /** The WHERE clause of a user's bookings in a range. */
  private record Filter(String userId, Instant from, Instant to, Long eventTypeId) {

    Filter {
      Objects.requireNonNull(userId, "userId");
    }

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

  /**
   * One query read row by row. PostgreSQL streams a result only inside a transaction, so the
   * connection's auto-commit is switched off while reading (and restored, after a rollback of the
   * read-only work, when the cursor is closed).
   */
  private final class Cursor implements Iterator<Booking>, AutoCloseable {

    private final Connection connection;
    private final boolean autoCommit;
    private final boolean lazyOnH2;
    private final PreparedStatement select;
    private final ResultSet result;
    private final ResultSet rows;
    private Boolean ahead;

    Cursor(Filter filter) {
      String sql = "SELECT " + BookingColumns.SELECT_LIST + " FROM booking WHERE " + filter.sql();
      Connection opened = null;
      try {
        opened = database.connection();
        autoCommit = opened.getAutoCommit();
        if (autoCommit) {
          opened.setAutoCommit(false);
        }
        lazyOnH2 = BookingsDatabase.isH2(opened);
        if (lazyOnH2) {
          setLazyQueryExecution(opened, true);
        }
        select = prepare(opened, sql);
        filter.bind(select, 1);
        select.setFetchSize(READ_PAGE_SIZE);
        result = select.executeQuery();
        rows = BookingsDatabase.unwrapped(result);
        connection = opened;
      } catch (SQLException e) {
        closeQuietly(opened);
        throw new BookingStoreException("Reading stored bookings failed", e);
      }
    }

    @Override
    public boolean hasNext() {
      if (ahead == null) {
        try {
          ahead = rows.next();
        } catch (SQLException e) {
          throw new BookingStoreException("Reading stored bookings failed", e);
        }
      }
      return ahead;
    }

    @Override
    public Booking next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ahead = null;
      try {
        return BookingColumns.read(rows);
      } catch (SQLException e) {
        throw new BookingStoreException("Reading stored bookings failed", e);
      }
    }

    @Override
    public void close() {
      try (connection) {
        // the query first: the session is reset below, with no result open
        result.close();
        select.close();
        if (lazyOnH2) {
          setLazyQueryExecution(connection, false);
        }
        if (autoCommit) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "Closing a read of stored bookings failed", e);
      }
    }

    /**
     * H2 keeps a whole result before handing out its first row unless the session runs queries
     * lazily; past a few ten thousand rows (fewer with a smaller heap) it writes that result to a
     * temporary file first. A lazy session reads rows as they are asked for.
     */
    private static void setLazyQueryExecution(Connection connection, boolean lazy)
        throws SQLException {
      try (Statement set = connection.createStatement()) {
        set.execute("SET LAZY_QUERY_EXECUTION " + (lazy ? "TRUE" : "FALSE"));
      }
    }

    private static void closeQuietly(Connection connection) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // the original failure is what matters
        }
      }
    }
  }
}
