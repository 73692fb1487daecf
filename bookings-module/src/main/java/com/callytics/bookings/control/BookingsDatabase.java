package com.callytics.bookings.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

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

  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
