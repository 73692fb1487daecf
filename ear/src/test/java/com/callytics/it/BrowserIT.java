package com.callytics.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages as a visitor sees them, in headless Chromium against the deployed EAR: the landing page
 * and its waitlist form, the demo dashboard and its charts, and the dashboard's guard. Screenshots
 * of each page at desktop and phone width go to {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

  private HeadlessChrome chrome;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.callyticsEar();
  }

  @BeforeEach
  void startBrowser() {
    chrome = HeadlessChrome.start();
  }

  @AfterEach
  void quitBrowser() {
    if (chrome != null) {
      chrome.close();
    }
  }

  @Test
  void landingPageExplainsCallyticsAndLeadsToSignInAndTheDemo() {
    chrome.open("/");

    assertThat(chrome.driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("The truth about your meetings");
    assertThat(chrome.driver.findElements(By.cssSelector(".feature-grid .feature"))).hasSize(6);
    // the integration tests configure a Cal.com OAuth client, so sign-in is offered
    assertThat(chrome.driver.findElement(By.id("sign-in")).getAttribute("href"))
        .isEqualTo(Http.BASE + "/api/auth/login?returnTo=/dashboard");
    assertThat(chrome.driver.findElements(By.id("signin-unavailable"))).isEmpty();
    assertThat(chrome.driver.findElements(By.id("signin-denied"))).isEmpty();
    assertThat(chrome.driver.findElement(By.id("view-demo")).getAttribute("href"))
        .isEqualTo(Http.BASE + "/demo");
    assertThat(chrome.driver.findElement(By.tagName("footer")).getText()).contains("read-only");
    // the waitlist form works only with the module loaded: it enables the button
    chrome.waiting(10).until(d -> d.findElement(By.id("waitlist-submit")).isEnabled());

    chrome.screenshot("landing-1280");
    chrome.viewport(390, 844);
    assertNoHorizontalScrolling();
    chrome.screenshot("landing-390");
    assertNoConsoleErrors();
  }

  @Test
  void cancelledSignInIsExplainedWithoutRepeatingTheQuery() {
    chrome.open("/?signin=denied&note=%3Cb%3Ezzinjectedzz%3C%2Fb%3E");

    assertThat(chrome.driver.findElement(By.id("signin-denied")).getText())
        .startsWith("Sign-in was cancelled");
    assertThat(chrome.driver.getPageSource()).doesNotContain("zzinjectedzz");
  }

  @Test
  void waitlistFormReportsAnInvalidEmailThenAcceptsAValidOne() {
    chrome.open("/");
    chrome.waiting(10).until(d -> d.findElement(By.id("waitlist-submit")).isEnabled());
    WebElement email = chrome.driver.findElement(By.id("waitlist-email"));
    WebElement emailError = chrome.driver.findElement(By.id("waitlist-email-error"));

    email.sendKeys("not-an-email");
    chrome.driver.findElement(By.id("waitlist-submit")).click();

    chrome.waiting(15).until(ExpectedConditions.visibilityOf(emailError));
    assertThat(emailError.getText()).isNotBlank();
    assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(chrome.driver.switchTo().activeElement()).isEqualTo(email);

    email.clear();
    email.sendKeys("browser-it-" + UUID.randomUUID() + "@example.com");
    chrome.driver.findElement(By.id("waitlist-fullName")).sendKeys("Ada Lovelace");
    chrome.driver.findElement(By.id("waitlist-company")).sendKeys("Analytical Engines");
    chrome.driver.findElement(By.id("waitlist-note")).sendKeys("Found you through the demo.");
    chrome.driver.findElement(By.id("waitlist-submit")).click();

    WebElement status = chrome.driver.findElement(By.id("waitlist-status"));
    chrome.waiting(15).until(d -> status.getText().contains("on the list"));
    assertThat(emailError.isDisplayed()).isFalse();
    assertThat(email.getAttribute("aria-invalid")).isNull();
    assertThat(email.getAttribute("value")).isEmpty();
  }

  @Test
  void demoDashboardShowsTheNumbersOfTheDemoAnalytics() {
    chrome.open("/demo");
    String query = waitForAnalytics();

    assertThat(chrome.driver.findElement(By.id("demo-banner")).getText()).contains("Demo data");
    assertThat(query).contains("from=").contains("to=").contains("tz=");
    assertKpisMatchTheApi(query);

    // no account controls on demo data
    for (String id : List.of("sync", "sync-now", "csv-link", "sign-out", "delete-data")) {
      assertThat(chrome.driver.findElements(By.id(id))).as(id).isEmpty();
    }

    new Select(chrome.driver.findElement(By.id("range"))).selectByValue("all");
    String allTime = waitForAnalytics(q -> !q.contains("from="));

    assertThat(chrome.driver.findElement(By.id("range-label")).getText()).startsWith("All time");
    JsonObject analytics = assertKpisMatchTheApi(allTime);
    assertThat(chrome.driver.findElements(By.cssSelector("#heatmap tbody tr"))).hasSize(7);
    assertThat(chrome.driver.findElements(By.cssSelector("#heatmap tbody td"))).hasSize(7 * 24);
    assertThat(chrome.driver.findElements(By.cssSelector("#hosts tbody tr")))
        .hasSize(analytics.getJsonObject("hosts").getJsonArray("top").size());
    assertThat(chrome.driver.findElements(By.cssSelector("#recent .recent-item")))
        .hasSize(analytics.getJsonArray("recent").size());
  }

  @Test
  void eventTypeFilterNarrowsTheDemoAnalytics() {
    chrome.open("/demo");
    waitForAnalytics();
    new Select(chrome.driver.findElement(By.id("range"))).selectByValue("all");
    waitForAnalytics(q -> !q.contains("from="));
    Select eventTypes = new Select(chrome.driver.findElement(By.id("event-type")));
    assertThat(eventTypes.getOptions()).hasSizeGreaterThan(2);

    String slug = eventTypes.getOptions().get(1).getText();
    eventTypes.selectByIndex(1);
    String filtered = waitForAnalytics(q -> q.contains("eventTypeId="));

    JsonObject analytics = assertKpisMatchTheApi(filtered);
    assertThat(analytics.getJsonObject("insights").getJsonArray("topEventTypes"))
        .singleElement()
        .satisfies(t -> assertThat(t.asJsonObject().getString("slug")).isEqualTo(slug));
    // the other event types stay selectable
    assertThat(eventTypes.getOptions()).hasSizeGreaterThan(2);
  }

  @Test
  void everyChartOfTheDemoDashboardIsDrawn() {
    chrome.open("/demo");
    waitForAnalytics();

    List<Map<String, Object>> canvases =
        chrome.script(
            "return Array.from(document.querySelectorAll('canvas')).map(c => ({"
                + " id: c.id, width: c.width, height: c.height,"
                + " shownWidth: c.getBoundingClientRect().width,"
                + " shownHeight: c.getBoundingClientRect().height,"
                + " chart: !!(window.Chart && window.Chart.getChart(c)) }));");

    assertThat(canvases)
        .extracting(c -> c.get("id"))
        .containsExactlyInAnyOrder(
            "chart-status",
            "chart-timeline",
            "chart-durations",
            "chart-platforms",
            "chart-leadtime",
            "chart-hours");
    assertThat(canvases)
        .allSatisfy(
            c -> {
              assertThat(((Number) c.get("width")).intValue())
                  .as("%s width", c.get("id"))
                  .isPositive();
              assertThat(((Number) c.get("height")).intValue())
                  .as("%s height", c.get("id"))
                  .isPositive();
              assertThat(((Number) c.get("shownWidth")).doubleValue()).isPositive();
              assertThat(((Number) c.get("shownHeight")).doubleValue()).isPositive();
              assertThat(c.get("chart")).as("Chart.js chart on %s", c.get("id")).isEqualTo(true);
            });
    assertNoConsoleErrors();
  }

  @Test
  void recentMeetingOpensItsDetailsInADialog() {
    chrome.open("/demo");
    waitForAnalytics();
    WebElement first = chrome.driver.findElement(By.cssSelector("#recent .recent-item"));
    String title = first.findElement(By.className("recent-title")).getText();

    first.click();

    WebElement dialog = chrome.driver.findElement(By.id("meeting-dialog"));
    chrome.waiting(5).until(d -> dialog.getAttribute("open") != null);
    assertThat(chrome.driver.findElement(By.id("meeting-title")).getText()).isEqualTo(title);
    assertThat(dialog.getText()).contains("When").contains("Attendees");
    for (WebElement link : dialog.findElements(By.cssSelector("a"))) {
      assertThat(link.getAttribute("href")).matches("https?://.+");
    }

    chrome.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    chrome.waiting(5).until(d -> dialog.getAttribute("open") == null);
  }

  @Test
  void demoDashboardAtDesktopAndPhoneWidths() {
    chrome.open("/demo");
    waitForAnalytics();
    chrome.screenshot("demo-1280");

    chrome.viewport(390, 844);
    chrome.waiting(10).until(d -> canvasWidth("chart-hours") <= 390);
    assertNoHorizontalScrolling();
    chrome.screenshot("demo-390");
    assertNoConsoleErrors();
  }

  @Test
  void themeToggleSwitchesAndIsRemembered() {
    chrome.open("/demo");
    waitForAnalytics();
    String before = chrome.script("return document.documentElement.dataset.theme;");
    String other = "dark".equals(before) ? "light" : "dark";

    chrome.driver.findElement(By.id("theme-toggle")).click();

    assertThat((String) chrome.script("return document.documentElement.dataset.theme;"))
        .isEqualTo(other);
    chrome.screenshot("demo-1280-" + other);
    chrome.open("/");
    assertThat((String) chrome.script("return document.documentElement.dataset.theme;"))
        .isEqualTo(other);
    assertThat(chrome.driver.findElement(By.id("theme-toggle")).getAttribute("aria-pressed"))
        .isEqualTo(String.valueOf(other.equals("dark")));
    chrome.screenshot("landing-1280-" + other);
  }

  @Test
  void landingAndErrorPagesMeetWcagAaInBothThemes() {
    chrome.open("/");
    chrome.waiting(10).until(d -> d.findElement(By.id("waitlist-submit")).isEnabled());
    Axe.assertNoViolations(chrome, "the landing page");

    chrome.driver.findElement(By.id("waitlist-email")).sendKeys("not-an-email");
    chrome.driver.findElement(By.id("waitlist-submit")).click();
    chrome
        .waiting(15)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("waitlist-email-error")));
    Axe.assertNoViolations(chrome, "the landing page with a waitlist error");

    switchTheme();
    Axe.assertNoViolations(chrome, "the landing page, other theme");
    chrome.open("/no-such-page");
    Axe.assertNoViolations(chrome, "the not-found page, other theme");
  }

  @Test
  void demoDashboardMeetsWcagAaInBothThemesWithAndWithoutTheMeetingDialog() {
    chrome.open("/demo");
    waitForAnalytics();
    // a badge of every status, whichever the recent meetings happen to show
    chrome.script(
        "const p = document.createElement('p');"
            + "for (const s of ['accepted', 'cancelled', 'pending', 'rejected', 'other']) {"
            + "  const b = document.createElement('span'); b.className = 'badge badge-' + s;"
            + "  b.textContent = s; p.append(b, ' '); }"
            + "document.getElementById('recent').parentElement.append(p);");
    Axe.assertNoViolations(chrome, "the demo dashboard");

    chrome.driver.findElement(By.cssSelector("#recent .recent-item")).click();
    WebElement dialog = chrome.driver.findElement(By.id("meeting-dialog"));
    chrome.waiting(5).until(d -> dialog.getAttribute("open") != null);
    Axe.assertNoViolations(chrome, "the demo dashboard's meeting dialog");
    chrome.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    chrome.waiting(5).until(d -> dialog.getAttribute("open") == null);

    switchTheme();
    Axe.assertNoViolations(chrome, "the demo dashboard, other theme");
    chrome.viewport(390, 844);
    chrome.waiting(10).until(d -> canvasWidth("chart-hours") <= 390);
    Axe.assertNoViolations(chrome, "the demo dashboard at 390 px, other theme");
  }

  @Test
  void theDemoDashboardWorksFromTheKeyboardAlone() {
    chrome.open("/demo");
    waitForAnalytics();
    Actions keyboard = new Actions(chrome.driver);

    keyboard.sendKeys(Keys.TAB).perform();
    assertThat(active().getAttribute("class")).contains("skip-link");
    List<String> visited = new ArrayList<>();
    for (int i = 0; i < 120 && !active().getAttribute("class").contains("recent-item"); i++) {
      visited.add(active().getTagName() + "#" + active().getAttribute("id"));
      keyboard.sendKeys(Keys.TAB).perform();
    }
    WebElement meeting = active();
    assertThat(meeting.getAttribute("class")).as("Tab order: %s", visited).contains("recent-item");
    assertThat(visited).contains("select#range", "select#event-type", "button#theme-toggle");

    keyboard.sendKeys(Keys.ENTER).perform();
    WebElement dialog = chrome.driver.findElement(By.id("meeting-dialog"));
    chrome.waiting(5).until(d -> dialog.getAttribute("open") != null);
    assertThat(dialog.findElements(By.xpath(".//*")))
        .as("focus moves into the dialog")
        .contains(active());
    keyboard.sendKeys(Keys.ESCAPE).perform();
    chrome.waiting(5).until(d -> dialog.getAttribute("open") == null);
    assertThat(active()).as("focus goes back to the meeting").isEqualTo(meeting);
  }

  @Test
  void dashboardWithoutASessionSendsTheVisitorToTheLandingPage() {
    for (String path : List.of("/dashboard", "/dashboard.xhtml")) {
      HttpResponse<String> response = Http.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location"))
          .as(path)
          .hasValueSatisfying(location -> assertThat(location).matches("(http://[^/]+)?/"));
    }

    chrome.open("/dashboard");

    assertThat(chrome.driver.getCurrentUrl()).isEqualTo(Http.BASE + "/");
    assertThat(chrome.driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("The truth about your meetings");
  }

  @Test
  void demoAnalyticsNeedNoSignInAndExplainABadTimeZone() {
    HttpResponse<String> demo = Http.get("/api/demo/analytics?tz=Europe/Berlin");
    assertThat(demo.statusCode()).isEqualTo(200);
    JsonObject analytics = Http.json(demo);
    assertThat(analytics.getBoolean("demo")).isTrue();
    assertThat(analytics.getJsonObject("range").getString("zone")).isEqualTo("Europe/Berlin");
    assertThat(analytics.getJsonObject("overview").getInt("total")).isGreaterThan(100);

    HttpResponse<String> bad =
        Http.get("/api/demo/analytics?from=2026-02-01&to=2026-01-01&tz=Mars/Olympus");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonObject problem = Http.json(bad);
    assertThat(problem.getString("title")).isEqualTo("Invalid analytics request");
    assertThat(problem.getString("detail")).contains("tz").doesNotContain("Mars");
    assertThat(problem.getJsonObject("errors").keySet()).containsExactly("tz");
  }

  // ------------------------------------------------------------------ helpers

  private String waitForAnalytics() {
    return waitForAnalytics(q -> true);
  }

  /** Waits until the dashboard shows analytics whose query matches; returns that query. */
  private String waitForAnalytics(java.util.function.Predicate<String> query) {
    WebElement root = chrome.driver.findElement(By.cssSelector("main.dashboard"));
    chrome
        .waiting(30)
        .until(
            d -> {
              String state = root.getAttribute("data-state");
              if ("error".equals(state)) {
                throw new AssertionError(
                    "the dashboard shows an error: "
                        + d.findElement(By.id("dash-error")).getText());
              }
              String q = root.getAttribute("data-query");
              return "ready".equals(state) && q != null && query.test(q);
            });
    return root.getAttribute("data-query");
  }

  /** The KPI cards show what the demo API answers for the same query; returns that answer. */
  private JsonObject assertKpisMatchTheApi(String query) {
    HttpResponse<String> response = Http.get("/api/demo/analytics?" + query);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject analytics = Http.json(response);
    assertThat(analytics.getBoolean("demo")).isTrue();
    JsonObject overview = analytics.getJsonObject("overview");
    for (String kpi : List.of("total", "accepted", "cancelled", "uniqueParticipants")) {
      assertThat(kpiDigits(kpi)).as(kpi).isEqualTo(String.valueOf(overview.getInt(kpi)));
    }
    assertThat(kpiDigits("acceptanceRate"))
        .isEqualTo(String.valueOf(overview.getInt("acceptanceRate")));
    return analytics;
  }

  private String kpiDigits(String kpi) {
    return chrome
        .driver
        .findElement(By.cssSelector("[data-kpi='" + kpi + "'] .kpi-value"))
        .getText()
        .replaceAll("[^0-9]", "");
  }

  private WebElement active() {
    return chrome.driver.switchTo().activeElement();
  }

  /** Clicks the theme toggle and waits until the page shows the other theme. */
  private void switchTheme() {
    String before = chrome.script("return document.documentElement.dataset.theme;");
    chrome.driver.findElement(By.id("theme-toggle")).click();
    chrome
        .waiting(5)
        .until(
            d ->
                !java.util.Objects.equals(
                    before, chrome.script("return document.documentElement.dataset.theme;")));
  }

  private long canvasWidth(String id) {
    Number width =
        chrome.script(
            "return document.getElementById(arguments[0]).getBoundingClientRect().width;", id);
    return Math.round(width.doubleValue());
  }

  private void assertNoHorizontalScrolling() {
    Number overflow =
        chrome.script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
  }

  /** No script error, failed load or Content Security Policy violation on the page. */
  private void assertNoConsoleErrors() {
    assertThat(chrome.consoleErrors()).isEmpty();
  }
}
