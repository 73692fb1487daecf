package com.callytics.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UrlRoutedDataSourceTest {

  @Test
  void picksTheH2DriverForAnH2Url() throws Exception {
    UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
    dataSource.setURL("jdbc:h2:mem:routing");
    dataSource.setUser("sa");

    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
  }

  @Test
  void picksThePostgresDriverForAPostgresUrl() throws Exception {
    UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");

    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining("No bundled JDBC driver");
  }

  @Test
  void refusesAnUnknownDatabaseWithAClearMessage() {
    UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:oracle:thin:@nowhere");

    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("No bundled JDBC driver accepts callytics.datasource.url");
  }

  @Test
  void anUnresolvedConfigReferenceMeansNotSet() {
    assertThat(UrlRoutedDataSource.configured("${MPCONFIG=callytics.datasource.password}"))
        .isNull();
    assertThat(UrlRoutedDataSource.configured("  ")).isNull();
    assertThat(UrlRoutedDataSource.configured("secret")).isEqualTo("secret");
  }
}
