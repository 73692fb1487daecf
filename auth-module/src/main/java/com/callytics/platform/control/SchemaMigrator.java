package com.callytics.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations under {@code db/migration}: the same scripts on H2 and PostgreSQL.
 * Run once at deployment, before anything touches the database.
 */
public final class SchemaMigrator {

  public static final String HISTORY_TABLE = "flyway_schema_history";
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  /** The newest version this build's migrations lead to, known once they have run. */
  private static final AtomicReference<String> expectedVersion = new AtomicReference<>();

  private SchemaMigrator() {}

  static final String LOCATION = "classpath:db/migration";

  static Flyway flyway(DataSource dataSource, String location) {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations(location)
        .table(HISTORY_TABLE)
        .failOnMissingLocations(true)
        .load();
  }

  /**
   * Migrates the schema to the newest version.
   *
   * @throws SchemaMigrationException naming the failed migration and the database's reason
   */
  public static MigrateResult migrate(DataSource dataSource) {
    return migrate(dataSource, LOCATION);
  }

  static MigrateResult migrate(DataSource dataSource, String location) {
    try {
      Flyway flyway = flyway(dataSource, location);
      MigrateResult result = flyway.migrate();
      var current = flyway.info().current();
      expectedVersion.set(current == null ? null : current.getVersion().getVersion());
      LOG.info(
          () ->
              "Database schema at version "
                  + (result.targetSchemaVersion != null
                      ? result.targetSchemaVersion
                      : result.initialSchemaVersion)
                  + " ("
                  + result.migrationsExecuted
                  + " migration(s) applied now)");
      return result;
    } catch (FlywayException e) {
      throw new SchemaMigrationException(
          "Database migration failed, deployment stopped: " + e.getMessage(), e);
    }
  }

  /**
   * The schema version when the newest migration bundled with this build has been applied
   * successfully; empty when it is pending or failed, or when the history cannot be read. A plain
   * query, cheap enough for every readiness probe.
   */
  public static Optional<String> appliedVersion(DataSource dataSource) {
    String expected = expectedVersion.get();
    if (expected == null) {
      return Optional.empty();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                // Flyway creates its table with quoted lower-case names, on H2 as on PostgreSQL
                "SELECT \"version\", \"success\" FROM \""
                    + HISTORY_TABLE
                    + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
      query.setMaxRows(1);
      try (ResultSet newest = query.executeQuery()) {
        return newest.next()
                && newest.getBoolean("success")
                && expected.equals(newest.getString("version"))
            ? Optional.of(expected)
            : Optional.empty();
      }
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** A migration failed: the message names the script and the database's reason. */
  public static final class SchemaMigrationException extends RuntimeException {
    public SchemaMigrationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
