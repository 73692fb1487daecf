package com.callytics.bookings.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.postgresql.jdbc.PgResultSet;

/**
 * The application's datasource ({@code java:app/jdbc/callytics}) for the booking tables, looked up
 * once. Plain JDBC: the persistence unit only manages the auth module's entities.
 */
@ApplicationScoped
public class BookingsDatabase {

  static final String JNDI_NAME = "java:app/jdbc/callytics";

  private volatile DataSource dataSource;

  public BookingsDatabase() {}

  /** For tests: a database given by hand. */
  public static BookingsDatabase of(DataSource dataSource) {
    BookingsDatabase database = new BookingsDatabase();
    database.dataSource = dataSource;
    return database;
  }

  /** A connection; in a JTA transaction it takes part in it. */
  public Connection connection() throws SQLException {
    return dataSource().getConnection();
  }

  private DataSource dataSource() {
    DataSource current = dataSource;
    if (current == null) {
      try {
        current = InitialContext.doLookup(JNDI_NAME);
      } catch (NamingException e) {
        throw new IllegalStateException("The datasource " + JNDI_NAME + " is not available", e);
      }
      dataSource = current;
    }
    return current;
  }

  /**
   * Prepares a statement that the database plans for its actual parameters each time it runs.
   *
   * <p>On PostgreSQL the driver turns a statement run often into a server-side prepared statement
   * with a generic plan, chosen once for the pooled connection. Chosen while a table was small,
   * that plan is a sequential scan, and it stays until the table is analyzed again: each page of a
   * sync then takes longer as the history grows (400 ms per 100 bookings at 100,000 instead of 10
   * ms, with autovacuum off). An unnamed statement is planned with its parameters every time.
   */
  static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    if (statement.isWrapperFor(PGStatement.class)) {
      statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
    return statement;
  }

  /** Binds a nullable instant as a {@code TIMESTAMP WITH TIME ZONE}. */
  static void setTimestamp(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, timestamp(value));
    }
  }

  /** Binds a nullable integer. */
  static void setInteger(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  /** Binds a nullable long. */
  static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Whether the connection is to an H2 database. */
  static boolean isH2(Connection connection) throws SQLException {
    return "H2".equals(connection.getMetaData().getDatabaseProductName());
  }

  /**
   * The driver's own result set when {@code rows} is an application server's wrapper around a
   * PostgreSQL one (else {@code rows}), for reads in a hot loop: Payara's wrapper looks {@code
   * getObject(int, Class)} up by reflection on every call. Close the wrapper, not what this
   * returns.
   */
  static ResultSet unwrapped(ResultSet rows) throws SQLException {
    return rows.isWrapperFor(PgResultSet.class) ? rows.unwrap(PgResultSet.class) : rows;
  }

  /**
   * The instant in a {@code TIMESTAMP WITH TIME ZONE} column, {@code null} for SQL NULL, read the
   * cheapest way the driver offers: PostgreSQL's own result set parses an {@link OffsetDateTime}
   * directly (its {@code getObject(int)} goes through a {@link java.util.Calendar}); H2's {@code
   * getObject(int)} already answers one, and unlike {@code getObject(int, Class)} it is passed
   * straight through by Payara's wrapper.
   */
  static Instant instantAt(ResultSet row, int column) throws SQLException {
    Object value =
        row instanceof PgResultSet
            ? row.getObject(column, OffsetDateTime.class)
            : row.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  static Instant instant(OffsetDateTime timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
