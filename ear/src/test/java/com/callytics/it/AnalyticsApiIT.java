package com.callytics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The signed-in user's analytics and CSV export over their synced history, and their errors. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnalyticsApiIT {

  private static final Set<String> issued = new HashSet<>();
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
    issued.addAll(SharedEmulator.get().issuedSecrets());
    SharedEmulator.assertServerLogContainsNoneOf(issued);
  }

  private Browser syncedUser(int bookings) {
    long calUser = BookingsIT.newCalUser(cal, bookings);
    Browser browser = BookingsIT.signedInAndSynced(cal, calUser);
    JsonObject status = BookingsIT.awaitSyncEnd(browser, Duration.ofMinutes(2));
    assertThat(status.getJsonNumber("storedBookings").longValue()).isEqualTo(bookings);
    return browser;
  }

  @Test
  void analyticsCoverTheWholeSyncedHistoryWithEverySection() {
    Browser browser = syncedUser(120);

    HttpResponse<String> response = browser.get("/api/analytics?tz=Asia%2FTokyo");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject analytics = Http.json(response);
    for (String section :
        List.of(
            "overview",
            "recent",
            "timeOfDay",
            "byHour",
            "heatmap",
            "statusDistribution",
            "durations",
            "timeline",
            "platforms",
            "hosts",
            "insights",
            "leadTime",
            "freshness")) {
      assertThat(analytics.containsKey(section)).as(section).isTrue();
    }
    JsonObject overview = analytics.getJsonObject("overview");
    int total = overview.getInt("total");
    assertThat(total).isPositive().isLessThanOrEqualTo(120);
    assertThat(overview.getInt("accepted") + overview.getInt("cancelled"))
        .isLessThanOrEqualTo(total);
    int statusSum =
        analytics.getJsonArray("statusDistribution").getValuesAs(JsonObject.class).stream()
            .mapToInt(s -> s.getInt("count"))
            .sum();
    assertThat(statusSum).isEqualTo(total);
    assertThat(analytics.getJsonObject("range").getString("zone")).isEqualTo("Asia/Tokyo");
    assertThat(analytics.getJsonObject("freshness").getString("state")).isEqualTo("idle");
  }

  @Test
  void aRangeCountsOnlyItsBookingsAndComparesWithThePreviousPeriod() {
    Browser browser = syncedUser(80);
    int all = Http.json(browser.get("/api/analytics")).getJsonObject("overview").getInt("total");

    JsonObject ranged =
        Http.json(browser.get("/api/analytics?from=2020-01-01&to=2020-02-01&tz=UTC"));

    assertThat(ranged.getJsonObject("overview").getInt("total")).isZero();
    assertThat(ranged.getJsonObject("overview").get("changes")).isNotNull();
    assertThat(all).isPositive();
  }

  @Test
  void badParametersAreProblemsNamingTheField() {
    Browser browser = syncedUser(5);
    for (String[] bad :
        new String[][] {
          {"tz=Mars%2FOlympus", "tz"},
          {"from=yesterday", "from"},
          {"from=2026-02-01&to=2026-01-01", "to"},
          {"eventTypeId=abc", "eventTypeId"}
        }) {
      HttpResponse<String> response = browser.get("/api/analytics?" + bad[0]);

      assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(Http.json(response).getJsonObject("errors").keySet()).as(bad[0]).contains(bad[1]);
    }
  }

  @Test
  void analyticsAndExportNeedASignIn() {
    assertThat(Http.get("/api/analytics").statusCode()).isEqualTo(401);
    assertThat(Http.get("/api/bookings/export.csv").statusCode()).isEqualTo(401);
  }

  @Test
  void exportStreamsOneRowPerStoredBookingAsCsv() {
    Browser browser = syncedUser(40);

    HttpResponse<String> csv = browser.get("/api/bookings/export.csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).startsWith("uid,title,status,start,end,duration");
    assertThat(recordsOutsideQuotes(csv.body()) - 1).as("rows after the header").isEqualTo(40);
    assertThat(csv.body()).doesNotContain("\n=").doesNotContain(",=");
  }

  /** CSV records: line ends outside quoted fields. */
  private static int recordsOutsideQuotes(String csv) {
    int records = 0;
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        records++;
      }
    }
    return records;
  }
}
