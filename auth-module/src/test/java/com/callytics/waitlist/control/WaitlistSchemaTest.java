package com.callytics.waitlist.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callytics.platform.control.SchemaMigrator;
import com.callytics.platform.control.UrlRoutedDataSource;
import com.callytics.waitlist.entity.WaitlistEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waitlist table as the migrations build it on H2 (the same script runs on PostgreSQL): what
 * the control relies on when two requests race for the same email.
 */
class WaitlistSchemaTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private UrlRoutedDataSource dataSource;

  @BeforeEach
  void migrateAFreshDatabase() {
    dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    SchemaMigrator.migrate(dataSource);
  }

  private void insert(WaitlistEntry entry) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO waitlist_entry (id, email, full_name, company, note, source,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, entry.getId());
      insert.setString(2, entry.getEmail());
      insert.setString(3, entry.getFullName());
      insert.setString(4, entry.getCompany());
      insert.setString(5, entry.getNote());
      insert.setString(6, entry.getSource());
      insert.setObject(7, entry.getCreatedAt().atOffset(ZoneOffset.UTC));
      insert.setObject(8, entry.getUpdatedAt().atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  private int count(String email) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT COUNT(*) FROM waitlist_entry WHERE email = ?")) {
      query.setString(1, email);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  @Test
  void storesAnEntryWithAllItsValues() throws Exception {
    var entry =
        new WaitlistEntry(
            "Ada@Example.com", "n".repeat(200), "c".repeat(200), "x".repeat(2000), "web", NOW);

    insert(entry);

    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT * FROM waitlist_entry WHERE id = ?")) {
      query.setString(1, entry.getId());
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("email")).isEqualTo("ada@example.com");
        assertThat(row.getString("full_name")).hasSize(200);
        assertThat(row.getString("note")).hasSize(2000);
        assertThat(row.getObject("created_at", OffsetDateTime.class).toInstant()).isEqualTo(NOW);
      }
    }
  }

  @Test
  void aSecondEntryForTheSameNormalisedEmailIsRefusedByTheDatabase() throws Exception {
    insert(new WaitlistEntry("ada@example.com", "Ada", null, null, "web", NOW));

    assertThatThrownBy(
            () ->
                insert(
                    new WaitlistEntry(" ADA@example.COM ", "Someone else", null, null, "web", NOW)))
        .isInstanceOfSatisfying(
            SQLException.class,
            refused -> assertThat(refused.getSQLState()).as("unique violation").isEqualTo("23505"));
    assertThat(count("ada@example.com")).isEqualTo(1);
  }

  @Test
  void differentEmailsAreListedSideBySide() throws Exception {
    insert(new WaitlistEntry("ada@example.com", null, null, null, "web", NOW));
    insert(new WaitlistEntry("grace@example.com", null, null, null, "web", NOW));

    assertThat(count("ada@example.com")).isEqualTo(1);
    assertThat(count("grace@example.com")).isEqualTo(1);
  }

  @Test
  void sourceDefaultsToWebAndTheOptionalValuesMayBeAbsent() throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO waitlist_entry (id, email, created_at, updated_at)"
                    + " VALUES (?, 'plain@example.com', ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setObject(2, NOW.atOffset(ZoneOffset.UTC));
      insert.setObject(3, NOW.atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }

    try (Connection connection = dataSource.getConnection();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT source, full_name, company, note FROM waitlist_entry"
                        + " WHERE email = 'plain@example.com'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString("source")).isEqualTo("web");
      assertThat(row.getString("full_name")).isNull();
      assertThat(row.getString("company")).isNull();
      assertThat(row.getString("note")).isNull();
    }
  }
}
