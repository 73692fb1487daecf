package com.callytics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A Cal.com user's first visit, in headless Chromium: sign in through the Cal.com emulator, land on
 * the dashboard showing their synced bookings, sign out back to the landing page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignedInDashboardIT {

  private static final int BOOKINGS = 75;
  private static final Set<String> issued = new HashSet<>();
  private HeadlessChrome chrome;
  private CalEmulator cal;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.callyticsEar();
  }

  @BeforeEach
  void start() {
    cal = SharedEmulator.get();
    chrome = HeadlessChrome.start();
  }

  @AfterEach
  void quit() {
    if (chrome != null) {
      chrome.close();
    }
  }

  @AfterAll
  static void serverLogHoldsNoToken() throws Exception {
    issued.addAll(SharedEmulator.get().issuedSecrets());
    SharedEmulator.assertServerLogContainsNoneOf(issued);
  }

  @Test
  void signInLandsOnTheDashboardWithTheSyncedBookingsAndSignOutReturnsToTheLandingPage() {
    long calUser = CalUserIds.next();
    cal.addUser(calUser, "dash" + calUser, "dash" + calUser + "@example.com", "Dana Dashboard");
    cal.setBookingCount(calUser, BOOKINGS);
    cal.signInAs(calUser);

    chrome.open("/");
    chrome.driver.findElement(By.id("sign-in")).click();
    chrome.waiting(30).until(d -> d.getCurrentUrl().contains("/dashboard"));
    new Select(chrome.driver.findElement(By.id("range"))).selectByValue("all");
    String query = waitForSyncedAnalytics();

    assertThat(chrome.driver.findElement(By.id("signed-in-as")).getText())
        .contains("Dana Dashboard");
    // the status agrees with the data shown: no "Syncing…" left over next to the synced numbers
    chrome
        .waiting(10)
        .until(
            d -> {
              String status = d.findElement(By.id("sync-status")).getText();
              return status.startsWith("Last synced")
                  && status.endsWith(BOOKINGS + " bookings stored.");
            });
    assertThat(chrome.driver.findElement(By.id("sync-progress")).isDisplayed()).isFalse();
    Axe.assertNoViolations(chrome, "the signed-in dashboard");
    chrome.driver.findElement(By.id("delete-data")).click();
    chrome
        .waiting(5)
        .until(d -> d.findElement(By.id("delete-dialog")).getAttribute("open") != null);
    Axe.assertNoViolations(chrome, "the dashboard's delete confirmation");
    chrome.driver.findElement(By.id("delete-cancel")).click();
    chrome
        .waiting(5)
        .until(d -> d.findElement(By.id("delete-dialog")).getAttribute("open") == null);
    Browser api = new Browser();
    Cookie session = chrome.driver.manage().getCookieNamed("callytics_session");
    api.cookies.put(session.getName(), session.getValue());
    JsonObject sync = Http.json(api.get("/api/sync"));
    assertThat(sync.getJsonNumber("storedBookings").longValue()).isEqualTo(BOOKINGS);
    JsonObject analytics = Http.json(api.get("/api/analytics?" + query));
    assertThat(kpi("total"))
        .isEqualTo(String.valueOf(analytics.getJsonObject("overview").getInt("total")));
    assertThat(analytics.getJsonObject("overview").getInt("total")).isPositive();
    for (String chart :
        new String[] {
          "chart-status", "chart-timeline", "chart-durations", "chart-platforms", "chart-hours"
        }) {
      Number width =
          chrome.script(
              "return document.getElementById(arguments[0]).getBoundingClientRect().width;", chart);
      assertThat(width.doubleValue()).as(chart).isPositive();
    }
    chrome.screenshot("dashboard-1280");
    chrome.viewport(390, 844);
    chrome.screenshot("dashboard-390");
    chrome.viewport(1280, 900);

    chrome.driver.findElement(By.id("sign-out")).click();
    chrome.waiting(15).until(d -> d.getCurrentUrl().equals(Http.BASE + "/"));
    assertThat(chrome.driver.findElement(By.tagName("h1")).getText())
        .contains("The truth about your meetings");
    assertThat(api.get("/api/auth/session").statusCode())
        .as("the old session is gone")
        .isEqualTo(401);
    chrome.open("/dashboard");
    assertThat(chrome.driver.getCurrentUrl()).isEqualTo(Http.BASE + "/");
  }

  private String waitForSyncedAnalytics() {
    WebElement root = chrome.driver.findElement(By.cssSelector("main.dashboard"));
    chrome
        .waiting(60)
        .until(
            d -> {
              if ("error".equals(root.getAttribute("data-state"))) {
                throw new AssertionError(
                    "the dashboard shows an error: "
                        + d.findElement(By.id("dash-error")).getText());
              }
              String q = root.getAttribute("data-query");
              return "ready".equals(root.getAttribute("data-state"))
                  && q != null
                  && !q.contains("from=")
                  && kpi("total").equals(String.valueOf(expectedTotal(q)));
            });
    return root.getAttribute("data-query");
  }

  private long expectedTotal(String query) {
    Browser api = new Browser();
    Cookie session = chrome.driver.manage().getCookieNamed("callytics_session");
    api.cookies.put(session.getName(), session.getValue());
    JsonObject analytics = Http.json(api.get("/api/analytics?" + query));
    JsonObject freshness = analytics.getJsonObject("freshness");
    return freshness.getBoolean("syncing")
            || freshness.getJsonNumber("storedBookings").longValue() < BOOKINGS
        ? -1
        : analytics.getJsonObject("overview").getInt("total");
  }

  private String kpi(String name) {
    return chrome
        .driver
        .findElement(By.cssSelector("[data-kpi='" + name + "'] .kpi-value"))
        .getText()
        .replaceAll("[^0-9]", "");
  }
}
