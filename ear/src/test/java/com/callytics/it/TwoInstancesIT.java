package com.callytics.it;

import static com.callytics.it.BookingsIT.awaitSyncEnd;
import static com.callytics.it.BookingsIT.newCalUser;
import static com.callytics.it.BookingsIT.signedInAndSynced;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator;
import com.callytics.emulator.CalEmulator.Endpoint;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Callytics scaled out: two Payara instances sharing one PostgreSQL database, as behind a load
 * balancer. The first is Arquillian's server on port 8080; the second is a domain of its own
 * (created here, ports from 10000, HTTP on 10080) running the same EAR with the same configuration.
 * A session started on one works on the other, and the work that must happen once happens once
 * however the requests are spread: the token refresh and the sync. On H2 (a file only one server
 * can open) the test is skipped.
 */
// two instances need a shared database server: run with -Dpostgres (skipped before any deployment)
@EnabledIfSystemProperty(named = "it.datasource.url", matches = "jdbc:postgresql:.*")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoInstancesIT {

  static final String SECOND = "http://localhost:10080";
  private static final Path PAYARA = Path.of(System.getProperty("payara.home", "target/payara6"));
  private static final Path DOMAINS = PAYARA.resolve("glassfish/domains");
  private static final String DOMAIN = "domain2";

  private static boolean started;
  private CalEmulator cal;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.callyticsEar();
  }

  @BeforeAll
  static void startTheSecondInstance() throws Exception {
    SharedEmulator.get(); // listening before the second instance asks it anything
    if (!Files.isDirectory(DOMAINS.resolve(DOMAIN))) {
      asadmin(
          "create-domain",
          "--nopassword=true",
          "--portbase",
          "10000",
          "--domaindir",
          DOMAINS.toString(),
          DOMAIN);
    }
    Path autodeploy = DOMAINS.resolve(DOMAIN).resolve("autodeploy");
    Files.createDirectories(autodeploy);
    Files.copy(
        Path.of(System.getProperty("ear.file")),
        autodeploy.resolve("callytics.ear"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    asadmin("start-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
    started = true;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      try {
        HttpResponse<String> ready = Http.get(SECOND + "/health/ready");
        if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second instance was not ready within 3 minutes");
      }
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
  }

  @AfterAll
  static void stopTheSecondInstance() throws Exception {
    if (started) {
      asadmin("stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
      SharedEmulator.assertLogContainsNoneOf(
          DOMAINS.resolve(DOMAIN).resolve("logs/server.log"), SharedEmulator.get().issuedSecrets());
    }
  }

  @BeforeEach
  void emulator() {
    cal = SharedEmulator.get();
  }

  @Test
  void aSessionStartedOnOneInstanceWorksOnTheOtherAndSigningOutThereEndsIt() {
    Browser browser = signedInAndSynced(cal, newCalUser(cal, 3));
    JsonObject onFirst = Http.json(browser.get("/api/auth/session"));

    HttpResponse<String> onSecond = browser.get(SECOND + "/api/auth/session");

    assertThat(onSecond.statusCode()).isEqualTo(200);
    assertThat(Http.json(onSecond).getJsonObject("user").getString("id"))
        .isEqualTo(onFirst.getJsonObject("user").getString("id"));
    String cookie = browser.cookies.get("callytics_session");
    HttpResponse<String> logout =
        browser.send(
            Http.request(SECOND + "/api/auth/logout").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(logout.statusCode()).isEqualTo(204);
    Browser stale = new Browser();
    stale.cookies.put("callytics_session", cookie);
    assertThat(stale.get("/api/auth/session").statusCode())
        .as("signed out on the second instance: gone on the first")
        .isEqualTo(401);
  }

  @Test
  void aSignInStartedOnOneInstanceCompletesOnTheOther() {
    newCalUser(cal, 0);
    Browser browser = new Browser();
    HttpResponse<String> toCal = browser.get("/api/auth/login?returnTo=%2Fdashboard");
    HttpResponse<String> back = browser.get(Browser.location(toCal));
    String callback = Browser.location(back);
    assertThat(callback).startsWith(Http.BASE + "/");

    HttpResponse<String> landed = browser.get(SECOND + callback.substring(Http.BASE.length()));

    assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
    assertThat(Browser.location(landed)).endsWith("/dashboard");
    assertThat(browser.get("/api/auth/session").statusCode()).isEqualTo(200);
    assertThat(browser.get(SECOND + "/api/auth/session").statusCode()).isEqualTo(200);
    assertThat(awaitSyncEnd(browser, Duration.ofSeconds(60)).getString("state")).isEqualTo("idle");
  }

  @Test
  void anExpiredTokenUsedOnBothInstancesAtOnceIsRefreshedOnce() throws Exception {
    cal.accessTokenLifetime(Duration.ofMinutes(1));
    // the sync that sign-in starts uses (and may refresh) the token: count only after it
    Browser browser = signedInAndSynced(cal, newCalUser(cal, 0));
    cal.accessTokenLifetime(Duration.ofHours(1));
    cal.setDelay(Endpoint.REFRESH, Duration.ofMillis(500));
    int before = cal.calls(Endpoint.REFRESH);

    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String base = i % 2 == 0 ? Http.BASE : SECOND;
      calls.add(() -> browser.get(base + "/api/account/cal-profile").statusCode());
    }
    List<Integer> statuses = Concurrently.run(calls);

    assertThat(statuses).hasSize(20).containsOnly(200);
    assertThat(cal.calls(Endpoint.REFRESH) - before).as("one refresh for both instances").isOne();
  }

  @Test
  void syncsRequestedOnBothInstancesAtOnceRunOnce() throws Exception {
    long user = newCalUser(cal, 300);
    Browser browser = signedInAndSynced(cal, user);
    cal.changeBookings(user, 3);
    cal.setDelay(Endpoint.BOOKINGS, Duration.ofSeconds(1));
    // this user's requests only: another test's sign-in sync may still be under way
    String token = cal.lastRequest(Endpoint.BOOKINGS).header("Authorization");
    int before = requestsWith(token);

    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String base = i % 2 == 0 ? Http.BASE : SECOND;
      calls.add(
          () ->
              browser
                  .send(Http.request(base + "/api/sync").POST(HttpRequest.BodyPublishers.noBody()))
                  .statusCode());
    }
    List<Integer> statuses = Concurrently.run(calls);
    JsonObject first = awaitSyncEnd(browser, Duration.ofSeconds(60));

    assertThat(statuses).containsOnly(202);
    assertThat(first.getString("state")).as(first.toString()).isEqualTo("idle");
    assertThat(requestsWith(token) - before)
        .as("one incremental sync, one request, whichever instance ran it")
        .isOne();
    JsonObject second = Http.json(browser.get(SECOND + "/api/sync"));
    assertThat(second.getString("state")).isEqualTo("idle");
    assertThat(second.getJsonNumber("storedBookings").longValue()).isEqualTo(300);
  }

  private int requestsWith(String authorization) {
    return (int)
        cal.requests(Endpoint.BOOKINGS).stream()
            .filter(r -> authorization.equals(r.header("Authorization")))
            .count();
  }

  private static void asadmin(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(PAYARA.resolve("bin/asadmin").toString());
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    Path.of("target", "two-instances-asadmin.log").toFile()))
            .start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("asadmin " + arguments[0] + " did not end within 3 minutes");
    }
    assertThat(process.exitValue()).as("asadmin " + String.join(" ", arguments)).isZero();
  }
}
