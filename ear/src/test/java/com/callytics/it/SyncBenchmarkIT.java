package com.callytics.it;

import static com.callytics.it.BookingsIT.awaitSyncEnd;
import static com.callytics.it.BookingsIT.newCalUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator;
import com.callytics.emulator.CalEmulator.Endpoint;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sync benchmark of the bookings issue, on the deployed EAR against the emulator on loopback.
 * Skipped unless {@code -Dbenchmark=true}:
 *
 * <pre>
 * flock /tmp/payara.lock mvn -pl ear verify -Dit.test=SyncBenchmarkIT -Dbenchmark=true [-Dpostgres]
 * </pre>
 *
 * Figures go to {@code ear/target/sync-benchmark.txt} (and the test's output file):
 *
 * <ul>
 *   <li>full sync of 10,000 bookings (3 users; target under 15 s);
 *   <li>incremental sync with nothing new (20 runs; one request each, target under 100 ms);
 *   <li>the server's heap after a full GC at every 10% of a 100,000-booking sync (flat).
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SyncBenchmarkIT {

  private static final Logger LOG = Logger.getLogger(SyncBenchmarkIT.class.getName());
  private static final Pattern SERVER_RUN =
      Pattern.compile(
          "Synced the bookings of user (\\S+): (\\w+) run, (\\d+) fetched, (\\d+) request\\(s\\),"
              + " (\\d+) ms");
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final List<String> report = new ArrayList<>();
  private CalEmulator cal;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.callyticsEar();
  }

  @BeforeEach
  void emulator() {
    cal = SharedEmulator.get();
  }

  @Test
  void syncFigures() throws Exception {
    report.add(
        "Sync benchmark, "
            + java.time.Instant.now()
            + ", datasource "
            + System.getProperty("it.datasource.url"));
    warmUp();
    fullSyncOf10000();
    incrementalWithNothingNew();
    heapDuringA100000BookingSync();
    Path out = Path.of(System.getProperty("ear.file")).getParent().resolve("sync-benchmark.txt");
    Files.write(out, report, StandardCharsets.UTF_8);
    report.forEach(LOG::info);
  }

  private void warmUp() {
    for (int i = 0; i < 2; i++) {
      long user = newCalUser(cal, 2_000);
      cal.bookingCount(user);
      Browser browser = new Browser();
      browser.signIn("/dashboard");
      awaitSyncEnd(browser, Duration.ofSeconds(120));
    }
  }

  private void fullSyncOf10000() throws IOException {
    List<Long> clientMillis = new ArrayList<>();
    List<Long> serverMillis = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      long user = newCalUser(cal, 10_000);
      cal.bookingCount(user); // the emulator generates the data set before the clock starts
      Browser browser = new Browser();
      browser.signIn("/dashboard");
      long started = System.nanoTime();
      JsonObject status = awaitIdle(browser, Duration.ofSeconds(300), Duration.ofMillis(10));
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertThat(status.getString("state")).isEqualTo("idle");
      assertThat(status.getJsonNumber("storedBookings").longValue()).isEqualTo(10_000);
      clientMillis.add(elapsed);
      serverMillis.add(serverRun(SyncIT.userId(browser), "full").millis());
    }
    report.add(
        String.format(
            Locale.ROOT,
            "full sync of 10,000 bookings: server %s ms (median %d), sign-in to idle seen by the"
                + " client %s ms",
            serverMillis,
            median(serverMillis),
            clientMillis));
  }

  private void incrementalWithNothingNew() throws IOException {
    long user = newCalUser(cal, 10_000);
    Browser browser = new Browser();
    browser.signIn("/dashboard");
    awaitSyncEnd(browser, Duration.ofSeconds(300));
    String userId = SyncIT.userId(browser);
    List<Long> clientMillis = new ArrayList<>();
    List<Long> serverMillis = new ArrayList<>();
    List<Integer> requests = new ArrayList<>();
    for (int run = 0; run < 20; run++) {
      int before = cal.calls(Endpoint.BOOKINGS);
      long started = System.nanoTime();
      HttpResponse<String> accepted =
          browser.send(Http.request("/api/sync").POST(HttpRequest.BodyPublishers.noBody()));
      awaitIdle(browser, Duration.ofSeconds(30), Duration.ofMillis(2));
      clientMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      assertThat(accepted.statusCode()).isEqualTo(202);
      requests.add(cal.calls(Endpoint.BOOKINGS) - before);
      List<ServerRun> runs = serverRuns(userId, "incremental");
      serverMillis.add(runs.get(runs.size() - 1).millis());
    }
    assertThat(requests).containsOnly(1);
    report.add(
        String.format(
            Locale.ROOT,
            "incremental sync with nothing new (20 runs): %s request(s) each; server median %d ms,"
                + " max %d ms; POST /api/sync to idle seen by the client median %d ms",
            requests.get(0),
            median(serverMillis),
            Collections.max(serverMillis),
            median(clientMillis)));
  }

  private void heapDuringA100000BookingSync() throws Exception {
    long pid = serverPid();
    long user = newCalUser(cal, 100_000);
    cal.bookingCount(user);
    List<String> samples = new ArrayList<>();
    long baseline = liveHeapKb(pid);
    samples.add("before: " + baseline / 1024 + " MB");
    Browser browser = new Browser();
    browser.signIn("/dashboard");
    long started = System.nanoTime();
    int nextMark = 10;
    long maxLive = baseline;
    JsonObject status;
    while (true) {
      status = Http.json(browser.get("/api/sync"));
      int fetched = status.getJsonObject("progress").getInt("fetched");
      if (!status.getString("state").equals("running")) {
        break;
      }
      if (fetched >= nextMark * 1_000) {
        long live = liveHeapKb(pid);
        maxLive = Math.max(maxLive, live);
        samples.add(
            String.format(
                Locale.ROOT,
                "%d: %d MB (%.1f s)",
                fetched,
                live / 1024,
                (System.nanoTime() - started) / 1e9));
        nextMark = fetched / 1_000 + 10;
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    long after = liveHeapKb(pid);
    samples.add("after: " + after / 1024 + " MB");
    assertThat(status.getString("state")).isEqualTo("idle");
    assertThat(status.getJsonNumber("storedBookings").longValue()).isEqualTo(100_000);
    report.add(
        String.format(
            Locale.ROOT,
            "100,000-booking sync: %d ms; server heap in use after a full GC, by bookings fetched:"
                + " %s; largest growth over the start %d MB",
            elapsed,
            samples,
            (maxLive - baseline) / 1024));
  }

  // ------------------------------------------------------------------ helpers

  private static JsonObject awaitIdle(Browser browser, Duration max, Duration poll) {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject status = Http.json(browser.get("/api/sync"));
      if (!status.getString("state").equals("running")) {
        return status;
      }
      LockSupport.parkNanos(poll.toNanos());
    }
    throw new AssertionError("no end of the sync within " + max);
  }

  record ServerRun(String kind, int fetched, int requests, long millis) {}

  /** The runs of a user as the server logged them. */
  private static List<ServerRun> serverRuns(String userId, String kind) throws IOException {
    List<ServerRun> runs = new ArrayList<>();
    Matcher m = SERVER_RUN.matcher(Files.readString(Path.of(System.getProperty("server.log"))));
    while (m.find()) {
      if (m.group(1).equals(userId) && m.group(2).equals(kind)) {
        runs.add(
            new ServerRun(
                kind,
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)),
                Long.parseLong(m.group(5))));
      }
    }
    return runs;
  }

  private static ServerRun serverRun(String userId, String kind) throws IOException {
    List<ServerRun> runs = serverRuns(userId, kind);
    assertThat(runs).hasSize(1);
    return runs.get(0);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** The Payara server of this test run (its command line names the domain's payara home). */
  private static long serverPid() {
    String home =
        Path.of(System.getProperty("payara.home")).toAbsolutePath().normalize().toString();
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains(home) && c.contains("domain1") && c.contains("glassfish"))
                    .orElse(false))
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Payara process under " + home));
  }

  /** Heap in use right after a full GC of the server, in KB. */
  private static long liveHeapKb(long pid) throws Exception {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher used = HEAP_USED.matcher(info);
    if (!used.find()) {
      throw new AssertionError("unexpected GC.heap_info output: " + info);
    }
    return Long.parseLong(used.group(1));
  }

  private static String jcmd(long pid, String command) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process process =
        new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("jcmd " + command + " failed: " + output);
    }
    return output;
  }
}
