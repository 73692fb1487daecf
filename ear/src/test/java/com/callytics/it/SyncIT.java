package com.callytics.it;

import static com.callytics.it.BookingsIT.awaitSyncEnd;
import static com.callytics.it.BookingsIT.newCalUser;
import static com.callytics.it.BookingsIT.signedInAndSynced;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator;
import com.callytics.emulator.CalEmulator.Endpoint;
import com.callytics.emulator.Fault;
import com.callytics.emulator.RecordedRequest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The full-history sync on the deployed EAR against the Cal.com emulator: what it stores, how it
 * resumes, that it runs once per user, and that account deletion takes the stored data with it. On
 * PostgreSQL (-Dpostgres) the stored rows are also compared with the emulator's bookings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncIT {

  private CalEmulator cal;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.callyticsEar();
  }

  @BeforeEach
  void emulator() {
    cal = SharedEmulator.get();
  }

  @AfterAll
  static void serverLogHoldsNoToken() throws Exception {
    SharedEmulator.assertServerLogContainsNoneOf(SharedEmulator.get().issuedSecrets());
  }

  @Test
  void signingInStoresAllOf10000BookingsExactlyAsCalComHoldsThem() throws Exception {
    long user = newCalUser(cal, 10_000);
    Browser browser = new Browser();
    browser.signIn("/dashboard");

    JsonObject status = awaitSyncEnd(browser, Duration.ofSeconds(120));

    assertThat(status.getString("state")).as(status.toString()).isEqualTo("idle");
    assertThat(status.getJsonNumber("storedBookings").longValue()).isEqualTo(10_000);
    assertThat(status.getJsonObject("progress").getInt("fetched")).isEqualTo(10_000);
    assertThat(status.getJsonObject("progress").getInt("total")).isEqualTo(10_000);
    assertThat(status.isNull("error")).isTrue();
    assertThat(Instant.parse(status.getString("lastSyncedAt")))
        .isBefore(Instant.now().plusSeconds(1));
    List<RecordedRequest> requests = cal.requests(Endpoint.BOOKINGS);
    assertThat(requests).hasSize(100);
    assertThat(requests)
        .extracting(r -> Integer.parseInt(r.queryParam("skip")))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, 100).map(i -> i * 100).boxed().toList());
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.queryParam("take")).isEqualTo("100");
              assertThat(r.queryParam("sortCreated")).isEqualTo("asc");
              assertThat(r.queryParam("afterUpdatedAt")).isNull();
            });
    onPostgres(db -> assertThat(stored(db, userId(browser))).isEqualTo(expected(user)));
  }

  @Test
  void anIncrementalSyncAfterFiveChangesIsOneRequestAndStoresThem() throws Exception {
    long user = newCalUser(cal, 2_000);
    Browser browser = signedInAndSynced(cal, user);
    JsonObject before = Http.json(browser.get("/api/sync"));
    String token = lastBookingsRequest().header("Authorization");
    int requestsBefore = requestsWith(token).size();
    List<String> changed = cal.changeBookings(user, 5);

    HttpResponse<String> started = post(browser, "/api/sync");
    JsonObject after = awaitSyncEnd(browser, Duration.ofSeconds(30));

    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(Http.json(started).getString("state")).isIn("running", "idle");
    List<RecordedRequest> incremental =
        requestsWith(token).subList(requestsBefore, requestsWith(token).size());
    assertThat(incremental).hasSize(1);
    assertThat(incremental.get(0).queryParam("afterUpdatedAt")).isNotBlank();
    assertThat(incremental.get(0).queryParam("skip")).isEqualTo("0");
    assertThat(after.getString("state")).isEqualTo("idle");
    assertThat(after.getJsonNumber("storedBookings").longValue()).isEqualTo(2_000);
    assertThat(after.getJsonObject("progress").getInt("fetched")).isBetween(5, 100);
    assertThat(Instant.parse(after.getString("lastSyncedAt")))
        .isAfter(Instant.parse(before.getString("lastSyncedAt")));
    onPostgres(
        db -> {
          Map<String, StoredRow> stored = stored(db, userId(browser));
          Map<String, StoredRow> expected = expected(user);
          assertThat(stored).isEqualTo(expected);
          for (String uid : changed) {
            assertThat(stored.get(uid).updatedAt()).isEqualTo(cal.bookingUpdatedAt(user).get(uid));
          }
        });
  }

  @Test
  void aSyncFailingOnPage7KeepsPages1To6AndTheNextSyncCompletesFromThere() throws Exception {
    long user = newCalUser(cal, 1_000);
    cal.failBookingsAtSkip(600, Fault.serverError());
    Browser browser = new Browser();
    browser.signIn("/dashboard");

    JsonObject failed = awaitSyncEnd(browser, Duration.ofSeconds(60));

    assertThat(failed.getString("state")).as(failed.toString()).isEqualTo("failed");
    assertThat(failed.getString("error")).isEqualTo("Cal.com bookings request failed.");
    assertThat(failed.getJsonNumber("storedBookings").longValue()).isEqualTo(600);
    assertThat(failed.getJsonObject("progress").getInt("fetched")).isEqualTo(600);
    assertThat(failed.isNull("lastSyncedAt")).isTrue();
    assertThat(cal.requests(Endpoint.BOOKINGS))
        .filteredOn(r -> "600".equals(r.queryParam("skip")))
        .as("the first try and two retries")
        .hasSize(3);

    cal.clearFaults();
    int before = cal.requests(Endpoint.BOOKINGS).size();
    assertThat(post(browser, "/api/sync").statusCode()).isEqualTo(202);
    JsonObject completed = awaitSyncEnd(browser, Duration.ofSeconds(60));

    assertThat(completed.getString("state")).isEqualTo("idle");
    assertThat(completed.getJsonNumber("storedBookings").longValue()).isEqualTo(1_000);
    assertThat(completed.isNull("error")).isTrue();
    List<RecordedRequest> resumed =
        cal.requests(Endpoint.BOOKINGS).subList(before, cal.requests(Endpoint.BOOKINGS).size());
    assertThat(resumed)
        .extracting(r -> r.queryParam("skip"))
        .as("resumed at page 7, pages 1-6 not fetched again")
        .containsExactly("600", "700", "800", "900");
    onPostgres(db -> assertThat(stored(db, userId(browser))).isEqualTo(expected(user)));
  }

  @Test
  void twoConcurrentSyncTriggersCauseOneSync() throws Exception {
    long user = newCalUser(cal, 500);
    Browser browser = signedInAndSynced(cal, user);
    String token = lastBookingsRequest().header("Authorization");
    int before = requestsWith(token).size();
    cal.setDelay(Endpoint.BOOKINGS, Duration.ofMillis(1_500));

    List<HttpResponse<String>> responses = Concurrently.run(2, () -> post(browser, "/api/sync"));
    JsonObject after = awaitSyncEnd(browser, Duration.ofSeconds(30));

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
    assertThat(responses).extracting(r -> Http.json(r).getString("state")).containsOnly("running");
    assertThat(requestsWith(token).size() - before)
        .as("one incremental sync: one request")
        .isEqualTo(1);
    assertThat(after.getString("state")).isEqualTo("idle");
  }

  @Test
  void aTriggerDuringTheSignInSyncJoinsIt() throws Exception {
    long user = newCalUser(cal, 1_500);
    cal.setDelay(Endpoint.BOOKINGS, Duration.ofMillis(100));
    Browser browser = new Browser();
    browser.signIn("/dashboard");

    List<HttpResponse<String>> responses = Concurrently.run(3, () -> post(browser, "/api/sync"));
    JsonObject after = awaitSyncEnd(browser, Duration.ofSeconds(60));

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
    assertThat(after.getString("state")).isEqualTo("idle");
    assertThat(after.getJsonNumber("storedBookings").longValue()).isEqualTo(1_500);
    assertThat(cal.requests(Endpoint.BOOKINGS))
        .extracting(r -> r.queryParam("skip"))
        .as("every page fetched once")
        .doesNotHaveDuplicates()
        .hasSize(15);
  }

  @Test
  void syncsOfDifferentUsersRunSideBySide() throws Exception {
    Duration answerAfter = Duration.ofSeconds(5);
    cal.setDelay(Endpoint.BOOKINGS, answerAfter);
    int before = cal.requests(Endpoint.BOOKINGS).size();
    List<Browser> browsers = new ArrayList<>();
    List<Callable<Integer>> callbacks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      newCalUser(cal, 40); // the user Cal.com's consent page acts for
      Browser browser = new Browser();
      HttpResponse<String> toCal = browser.get("/api/auth/login?returnTo=%2Fdashboard");
      String callback = Browser.location(browser.get(Browser.location(toCal)));
      browsers.add(browser);
      callbacks.add(() -> browser.get(callback).statusCode());
    }

    // the six sign-ins complete at once, each starting its user's sync
    assertThat(Concurrently.run(callbacks)).containsOnly(302);
    for (Browser browser : browsers) {
      JsonObject status = awaitSyncEnd(browser, Duration.ofSeconds(60));
      assertThat(status.getString("state")).as(status.toString()).isEqualTo("idle");
      assertThat(status.getJsonNumber("storedBookings").longValue()).isEqualTo(40);
    }
    List<Instant> asked =
        cal
            .requests(Endpoint.BOOKINGS)
            .subList(before, cal.requests(Endpoint.BOOKINGS).size())
            .stream()
            .map(RecordedRequest::receivedAt)
            .sorted()
            .toList();
    assertThat(asked).as("one page per user").hasSize(6);
    assertThat(Duration.between(asked.get(0), asked.get(5)))
        .as("every user's sync asked Cal.com before the first answer came: none waited for another")
        .isLessThan(answerAfter);
  }

  @Test
  void deletingTheAccountDeletesTheStoredBookingsAndSyncState() throws Exception {
    long user = newCalUser(cal, 500);
    Browser browser = signedInAndSynced(cal, user);
    String userId = userId(browser);

    HttpResponse<String> deleted = browser.send(Http.request("/api/account").DELETE());

    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    assertThat(browser.get("/api/sync").statusCode()).isEqualTo(401);
    onPostgres(
        db -> {
          assertThat(stored(db, userId)).isEmpty();
          assertThat(count(db, "SELECT COUNT(*) FROM booking_sync WHERE user_id = ?", userId))
              .isZero();
        });
    Browser again = signedInAndSynced(cal, user);
    assertThat(userId(again)).isNotEqualTo(userId);
    assertThat(Http.json(again.get("/api/sync")).getJsonNumber("storedBookings").longValue())
        .isEqualTo(500);
  }

  @Test
  void theSyncStatusNeedsASessionAndASameSiteRequest() {
    long user = newCalUser(cal, 1);
    Browser browser = signedInAndSynced(cal, user);

    HttpResponse<String> anonymous = Http.get("/api/sync");
    HttpResponse<String> forged =
        browser.send(
            Http.request("/api/sync")
                .header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  // ------------------------------------------------------------------ helpers

  private static HttpResponse<String> post(Browser browser, String path) {
    return browser.send(Http.request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private RecordedRequest lastBookingsRequest() {
    return cal.lastRequest(Endpoint.BOOKINGS);
  }

  private List<RecordedRequest> requestsWith(String authorization) {
    return cal.requests(Endpoint.BOOKINGS).stream()
        .filter(r -> authorization.equals(r.header("Authorization")))
        .toList();
  }

  static String userId(Browser browser) {
    return Http.json(browser.get("/api/auth/session")).getJsonObject("user").getString("id");
  }

  // ------------------------------------------------------------------ the stored rows (PostgreSQL)

  /** What the store keeps of a booking that the comparison looks at. */
  record StoredRow(Instant updatedAt, String status, Instant start) {}

  interface DatabaseCheck {
    void check(Connection db) throws Exception;
  }

  /**
   * Runs the check against the test database when it is PostgreSQL. On H2 the server holds the
   * database file open, so the stored rows are judged by the API only.
   */
  static void onPostgres(DatabaseCheck check) throws Exception {
    String url = System.getProperty("it.datasource.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      return;
    }
    Properties credentials = new Properties();
    credentials.setProperty("user", System.getProperty("it.datasource.user"));
    try (Connection db = DriverManager.getConnection(url, credentials)) {
      check.check(db);
    }
  }

  static Map<String, StoredRow> stored(Connection db, String userId) throws SQLException {
    Map<String, StoredRow> rows = new HashMap<>();
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT uid, updated_at, status, start_at FROM booking WHERE user_id = ?")) {
      select.setString(1, userId);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.put(
              result.getString(1),
              new StoredRow(
                  result.getObject(2, OffsetDateTime.class).toInstant(),
                  result.getString(3),
                  result.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return rows;
  }

  private Map<String, StoredRow> expected(long user) {
    Map<String, StoredRow> rows = new HashMap<>();
    for (JsonObject booking : cal.bookings(user)) {
      rows.put(
          booking.getString("uid"),
          new StoredRow(
              Instant.parse(booking.getString("updatedAt")),
              booking.getString("status"),
              Instant.parse(booking.getString("start"))));
    }
    return rows;
  }

  static long count(Connection db, String sql, String parameter) throws SQLException {
    try (PreparedStatement select = db.prepareStatement(sql)) {
      select.setString(1, parameter);
      try (ResultSet result = select.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
