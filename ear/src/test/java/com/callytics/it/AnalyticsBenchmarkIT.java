package com.callytics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The analytics benchmark of the analytics issue, on the deployed EAR. Skipped unless {@code
 * -Dbenchmark=true}:
 *
 * <pre>
 * flock /tmp/payara.lock mvn -pl ear verify -Dit.test=AnalyticsBenchmarkIT -Dbenchmark=true [-Dpostgres]
 * </pre>
 *
 * <ul>
 *   <li>{@code GET /api/analytics} over all history for a user with 50,000 stored bookings: 5
 *       warm-up calls, then the median of 21 (target under 300 ms);
 *   <li>the demo dashboard, fully drawn in headless Chromium (the page marks {@code
 *       callytics:drawn} once its data and every chart are rendered; charts do not animate): the
 *       median of 7 loads measured from navigation start (target under 2 s).
 * </ul>
 *
 * Figures go to {@code ear/target/analytics-benchmark.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class AnalyticsBenchmarkIT {

  private static final int BOOKINGS = 50_000;
  private static final Path REPORT = Path.of("target", "analytics-benchmark.txt");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.callyticsEar();
  }

  @Test
  void analyticsOverFiftyThousandBookings() throws IOException {
    CalEmulator cal = SharedEmulator.get();
    long calUser = BookingsIT.newCalUser(cal, BOOKINGS);
    Browser browser = BookingsIT.signedInAndSynced(cal, calUser);
    JsonObject status = BookingsIT.awaitSyncEnd(browser, Duration.ofMinutes(10));
    assertThat(status.getJsonNumber("storedBookings").longValue()).isEqualTo(BOOKINGS);

    String path = "/api/analytics?tz=Europe%2FBerlin";
    List<Double> warmUp = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      assertThat(browser.get(path).statusCode()).isEqualTo(200);
      warmUp.add((System.nanoTime() - start) / 1e6);
    }
    List<Double> millis = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < 21; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = browser.get(path);
      millis.add((System.nanoTime() - start) / 1e6);
      assertThat(response.statusCode()).isEqualTo(200);
      total = Http.json(response).getJsonObject("overview").getInt("total");
    }
    assertThat(total).isPositive();
    report(
        String.format(
            Locale.ROOT,
            "GET /api/analytics, all history, %d stored bookings (%d counted after self meetings):"
                + " median %.0f ms, min %.0f ms, max %.0f ms over %d warm calls (target < 300 ms);"
                + " first call after the sync %.0f ms%n",
            BOOKINGS,
            total,
            median(millis),
            Collections.min(millis),
            Collections.max(millis),
            millis.size(),
            warmUp.get(0)));

    // the CSV export of the same history, read 500 bookings per query
    List<Double> csvMillis = new ArrayList<>();
    long csvBytes = 0;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      HttpResponse<String> csv = browser.get("/api/bookings/export.csv?tz=Europe%2FBerlin");
      csvMillis.add((System.nanoTime() - start) / 1e6);
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.body().lines().count())
          .as("a header and a row per booking")
          .isEqualTo(BOOKINGS + 1);
      csvBytes = csv.body().length();
    }
    report(
        String.format(
            Locale.ROOT,
            "GET /api/bookings/export.csv, all history, %d bookings (%.1f MB): median %.0f ms, min"
                + " %.0f ms, max %.0f ms over %d downloads%n",
            BOOKINGS,
            csvBytes / 1e6,
            median(csvMillis),
            Collections.min(csvMillis),
            Collections.max(csvMillis),
            csvMillis.size()));
  }

  @Test
  void demoDashboardIsDrawnInABrowser() throws IOException {
    List<Double> millis = new ArrayList<>();
    try (HeadlessChrome chrome = HeadlessChrome.start()) {
      chrome.open("/demo"); // warm-up: the server compiles the page once
      for (int i = 0; i < 7; i++) {
        chrome.driver.manage().deleteAllCookies();
        chrome.open("/demo");
        chrome
            .waiting(30)
            .until(
                d ->
                    "ready"
                        .equals(
                            d.findElement(By.cssSelector("main.dashboard"))
                                .getAttribute("data-state")));
        Number drawn =
            chrome.script("return performance.getEntriesByName('callytics:drawn')[0].startTime;");
        millis.add(drawn.doubleValue());
      }
    }
    report(
        String.format(
            Locale.ROOT,
            "/demo fully drawn in headless Chromium: median %.0f ms from navigation start, min %.0f"
                + " ms, max %.0f ms over %d loads (target < 2000 ms)%n",
            median(millis),
            Collections.min(millis),
            Collections.max(millis),
            millis.size()));
    assertThat(median(millis)).isPositive();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void report(String line) throws IOException {
    Files.createDirectories(REPORT.getParent());
    Files.writeString(
        REPORT,
        line,
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    java.util.logging.Logger.getLogger(AnalyticsBenchmarkIT.class.getName()).info(line.strip());
  }
}
