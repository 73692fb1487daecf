package com.callytics.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

  private static UrlRoutedDataSource freshH2() {
    UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    return dataSource;
  }

  @Test
  void migratesAnEmptyDatabaseAndReportsTheAppliedVersion() throws Exception {
    UrlRoutedDataSource dataSource = freshH2();

    var result = SchemaMigrator.migrate(dataSource);

    assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
    assertThat(SchemaMigrator.appliedVersion(dataSource)).contains(result.targetSchemaVersion);
    try (Connection connection = dataSource.getConnection();
        ResultSet tables =
            connection.getMetaData().getTables(null, null, "CAL_ACCOUNT", new String[] {"TABLE"})) {
      assertThat(tables.next()).as("cal_account table created").isTrue();
    }
  }

  @Test
  void runningAgainAppliesNothingAndKeepsTheVersion() {
    UrlRoutedDataSource dataSource = freshH2();
    SchemaMigrator.migrate(dataSource);

    var again = SchemaMigrator.migrate(dataSource);

    assertThat(again.migrationsExecuted).isZero();
    assertThat(SchemaMigrator.appliedVersion(dataSource)).isPresent();
  }

  @Test
  void aFailedMigrationNamesTheScriptAndTheReason() {
    UrlRoutedDataSource dataSource = freshH2();

    assertThatThrownBy(() -> SchemaMigrator.migrate(dataSource, "classpath:db/failing"))
        .isInstanceOf(SchemaMigrator.SchemaMigrationException.class)
        .hasMessageContaining("V2__broken_statement.sql")
        .hasMessageContaining("NOT_A_TYPE");
  }

  @Test
  void anUnreachableDatabaseIsNotReady() {
    UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");

    assertThat(SchemaMigrator.appliedVersion(dataSource)).isEmpty();
  }
}
