package com.callytics.bookings.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A test database (private in-memory H2 unless given) with every migration applied (auth-module's
 * too).
 */
final class TestDatabase {

  private static final AtomicLong CAL_IDS = new AtomicLong(1);

  final DataSource dataSource;
  final BookingsDatabase database;

  /** A private in-memory H2 database. */
  TestDatabase() {
    this(inMemoryH2());
  }

  /** The given (empty) database, migrated. */
  TestDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
    database = BookingsDatabase.of(dataSource);
  }

  private static DataSource inMemoryH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return h2;
  }

  /** A new row in app_user; returns its id. */
  String addUser() {
    String id = UUID.randomUUID().toString();
    execute(
        "INSERT INTO app_user (id, cal_user_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
        id,
        CAL_IDS.getAndIncrement(),
        OffsetDateTime.now(),
        OffsetDateTime.now());
    return id;
  }

  void execute(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
