package com.callytics.bookings.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL of the development and CI machines (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}), for the tests that must also pass there; they are skipped when it does not
 * answer.
 */
final class LocalPostgres {

  private LocalPostgres() {}

  /** A data source on a new, empty schema, dropped when the JVM exits. */
  static DataSource freshSchema() {
    String schema = "callytics_unit_" + UUID.randomUUID().toString().replace("-", "");
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL("jdbc:postgresql://127.0.0.1:5432/test");
    admin.setUser("postgres");
    admin.setConnectTimeout(2);
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      Assumptions.abort("No PostgreSQL on 127.0.0.1:5432: " + e.getMessage());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, schema)));
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
    dataSource.setUser("postgres");
    return dataSource;
  }

  private static void drop(DataSource admin, String schema) {
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    } catch (SQLException ignored) {
      // a leftover schema in a test database harms nothing
    }
  }
}
