package com.callytics.platform.control;

import java.util.Arrays;
import java.util.Optional;
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

  private SchemaMigrator() {}

  static Flyway flyway(DataSource dataSource) {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
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
    try {
      MigrateResult result = flyway(dataSource).migrate();
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
   * The schema version when every known migration has been applied successfully; empty when one
   * is pending or has failed.
   */
  public static Optional<String> appliedVersion(DataSource dataSource) {
    var info = flyway(dataSource).info();
    boolean allApplied =
        info.pending().length == 0
            && info.current() != null
            && Arrays.stream(info.applied()).noneMatch(m -> m.getState().isFailed());
    return allApplied ? Optional.of(info.current().getVersion().getVersion()) : Optional.empty();
  }

  /** A migration failed: the message names the script and the database's reason. */
  public static final class SchemaMigrationException extends RuntimeException {
    public SchemaMigrationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
