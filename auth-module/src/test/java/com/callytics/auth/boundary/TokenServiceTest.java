package com.callytics.auth.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callytics.auth.control.CalConfig;
import com.callytics.auth.control.CalOAuthClient;
import com.callytics.auth.control.CalOAuthClient.TokenResponse;
import com.callytics.auth.control.InMemoryTokenStore;
import com.callytics.auth.control.MutableClock;
import com.callytics.auth.control.Secrets;
import com.callytics.auth.control.StoredTokens;
import com.callytics.emulator.CalEmulator;
import com.callytics.emulator.CalEmulator.Endpoint;
import com.callytics.emulator.CalEmulator.RefreshTokenSource;
import com.callytics.emulator.Fault;
import com.callytics.emulator.RecordedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token service's rules, against the Cal.com emulator, with a hand-moved clock. */
class TokenServiceTest {

  private static final Duration BUFFER = Duration.ofMinutes(5);
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);
  private static final String CLIENT_ID = "unit-client";
  private static final String CLIENT_SECRET = "unit-client-secret";
  private static final String USER = "user-1";

  private static CalEmulator emulator;
  private static final List<String> logged = new ArrayList<>();
  private static final Handler capture =
      new Handler() {
        @Override
        public synchronized void publish(LogRecord record) {
          logged.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private MutableClock clock;
  private InMemoryTokenStore store;
  private CalOAuthClient cal;
  private TokenService tokens;

  @BeforeAll
  static void startEmulator() {
    emulator = CalEmulator.start(0).registerClient(CLIENT_ID, CLIENT_SECRET).autoApprove(true);
    Logger.getLogger("com.callytics").addHandler(capture);
  }

  @AfterAll
  static void stopEmulatorAndCheckLogs() {
    Logger.getLogger("com.callytics").removeHandler(capture);
    emulator.close();
  }

  @BeforeEach
  void wire() {
    emulator.restoreDefaults();
    emulator.registerClient(CLIENT_ID, CLIENT_SECRET).autoApprove(true);
    clock = new MutableClock(Instant.now());
    store = new InMemoryTokenStore();
    CalConfig config = emulatorConfig();
    cal = new CalOAuthClient(config, clock);
    tokens = new TokenService(store, cal, clock, BUFFER, DEFAULT_LIFETIME);
  }

  @AfterEach
  void noSecretEverLogged() {
    synchronized (capture) {
      for (String secret : emulator.issuedSecrets()) {
        assertThat(logged).noneMatch(line -> line.contains(secret));
      }
    }
  }

  /** Signs a Cal.com user in through the emulator and stores their tokens as sign-in would. */
  private StoredTokens signIn(String userId, long calUserId, Instant accessExpiresAt)
      throws Exception {
    emulator.signInAs(calUserId);
    String verifier = Secrets.randomToken(48);
    String redirect = "http://localhost:8080/api/cal/oauth/callback";
    URI authorize =
        URI.create(
            emulator.baseUrl()
                + "/auth/oauth2/authorize?response_type=code&client_id="
                + CLIENT_ID
                + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&scope=READ_BOOKING&state=s&code_challenge="
                + Secrets.pkceChallenge(verifier)
                + "&code_challenge_method=S256");
    HttpResponse<Void> consent =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    String location = consent.headers().firstValue("Location").orElseThrow();
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    TokenResponse issued = cal.exchangeCode(code, verifier);
    StoredTokens stored =
        new StoredTokens(
            userId,
            issued.accessToken(),
            issued.refreshToken(),
            accessExpiresAt,
            null,
            false,
            false,
            1);
    store.put(stored);
    return stored;
  }

  // Rule 1
  @Test
  void aTokenWithMoreThanTheBufferLeftIsServedWithoutCallingCalOrWriting() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant().plus(Duration.ofMinutes(20)));
    emulator.reset();

    assertThat(tokens.validAccessToken(USER)).isEqualTo(stored.accessToken());
    int readsAfterFirst = store.reads.get();
    for (int i = 0; i < 5; i++) {
      assertThat(tokens.validAccessToken(USER)).isEqualTo(stored.accessToken());
    }

    assertThat(emulator.calls(Endpoint.REFRESH)).isZero();
    assertThat(store.writes.get()).isZero();
    assertThat(store.reads.get()).as("hot path needs no database read").isEqualTo(readsAfterFirst);
  }

  // Rule 2
  @Test
  void exactlyAtTheBufferTheTokenIsRefreshedFirst() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant().plus(BUFFER));
    emulator.reset();

    String token = tokens.validAccessToken(USER);

    assertThat(token).isNotEqualTo(stored.accessToken());
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);
    assertThat(store.get(USER).accessToken()).isEqualTo(token);
  }

  @Test
  void aTokenThatWasFreshGetsRefreshedOnceTheClockEntersTheBuffer() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant().plus(Duration.ofMinutes(10)));
    emulator.reset();
    assertThat(tokens.validAccessToken(USER)).isEqualTo(stored.accessToken());

    clock.advance(Duration.ofMinutes(6));
    String token = tokens.validAccessToken(USER);

    assertThat(token).isNotEqualTo(stored.accessToken());
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);
  }

  @Test
  void anExpiredTokenIsRefreshed() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant().minus(Duration.ofHours(1)));
    emulator.reset();

    assertThat(tokens.validAccessToken(USER)).isNotEqualTo(stored.accessToken());
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);
  }

  // Rule 3
  @Test
  void aTokenWithoutStoredExpiryIsTreatedAsExpired() throws Exception {
    StoredTokens stored = signIn(USER, 1001, null);
    emulator.reset();

    assertThat(tokens.validAccessToken(USER)).isNotEqualTo(stored.accessToken());
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);
  }

  // Rule 4
  @Test
  void theRefreshRequestCarriesTheTokenInTheFormAndAsBearer() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant());
    emulator.reset();

    tokens.validAccessToken(USER);

    RecordedRequest request = emulator.lastRequest(Endpoint.REFRESH);
    assertThat(request.header("content-type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.formParam("grant_type")).isEqualTo("refresh_token");
    assertThat(request.formParam("refresh_token")).isEqualTo(stored.refreshToken());
    assertThat(request.formParam("client_id")).isEqualTo(CLIENT_ID);
    assertThat(request.formParam("client_secret")).isEqualTo(CLIENT_SECRET);
    assertThat(request.header("authorization")).isEqualTo("Bearer " + stored.refreshToken());
  }

  @Test
  void refreshWorksWithCalVersionsReadingOnlyTheHeaderOrOnlyTheBody() throws Exception {
    for (RefreshTokenSource source :
        List.of(RefreshTokenSource.HEADER_ONLY, RefreshTokenSource.BODY_ONLY)) {
      wire();
      emulator.refreshTokenSource(source);
      StoredTokens stored = signIn(USER, 1001, clock.instant());

      assertThat(tokens.validAccessToken(USER))
          .as(source.name())
          .isNotEqualTo(stored.accessToken());
    }
  }

  // Rule 5
  @Test
  void unusableRefreshAnswersFailWith502AndLeaveTheStoredTokensUntouched() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant().minusSeconds(1));
    List<Fault> unusable =
        List.of(
            Fault.html(),
            Fault.malformedJson(),
            Fault.status(200, "{\"refresh_token\":\"r\",\"expires_in\":60}"),
            Fault.status(200, "{\"access_token\":\"a\",\"expires_in\":-5}"),
            Fault.status(200, "{\"access_token\":\"a\",\"expires_in\":999999999999}"),
            Fault.status(200, "{\"access_token\":\"a\",\"token_type\":\"mac\"}"),
            Fault.redirect(emulator.baseUrl() + "/api/auth/oauth/token"));
    for (Fault fault : unusable) {
      emulator.reset();
      emulator.enqueueFault(Endpoint.REFRESH, fault);

      assertThatThrownBy(() -> tokens.validAccessToken(USER))
          .isInstanceOfSatisfying(
              TokenRefreshException.class,
              e -> {
                assertThat(e.status()).isEqualTo(502);
                assertThat(e.needsReauthentication()).isFalse();
              });
      assertThat(store.get(USER)).isEqualTo(stored);
      assertThat(emulator.calls(Endpoint.TOKEN)).as("redirect not followed").isZero();
    }
  }

  // Rule 6
  @Test
  void newExpiryIsArrivalPlusExpiresInAndARotatedRefreshTokenReplacesTheOld() throws Exception {
    emulator.accessTokenLifetime(Duration.ofMinutes(45));
    StoredTokens stored = signIn(USER, 1001, clock.instant());

    tokens.validAccessToken(USER);

    StoredTokens now = store.get(USER);
    assertThat(now.accessExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(45)));
    assertThat(now.refreshToken()).isNotNull().isNotEqualTo(stored.refreshToken());
  }

  @Test
  void withoutExpiresInTheDefaultLifetimeIsUsedAndWithoutANewRefreshTokenTheOldStays()
      throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant());
    emulator.enqueueFault(
        Endpoint.REFRESH,
        Fault.status(200, "{\"access_token\":\"fresh-access\",\"token_type\":\"Bearer\"}"));

    assertThat(tokens.validAccessToken(USER)).isEqualTo("fresh-access");

    StoredTokens now = store.get(USER);
    assertThat(now.accessExpiresAt()).isEqualTo(clock.instant().plus(DEFAULT_LIFETIME));
    assertThat(now.refreshToken()).isEqualTo(stored.refreshToken());
  }

  // Rule 7
  @Test
  void aPastRefreshExpiryNeedsSignInWithoutCallingCal() throws Exception {
    StoredTokens signedIn = signIn(USER, 1001, clock.instant().minusSeconds(1));
    store.put(
        new StoredTokens(
            USER,
            signedIn.accessToken(),
            signedIn.refreshToken(),
            signedIn.accessExpiresAt(),
            clock.instant().minusSeconds(1),
            false,
            false,
            1));
    emulator.reset();

    assertThatThrownBy(() -> tokens.validAccessToken(USER))
        .isInstanceOfSatisfying(
            TokenRefreshException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.needsReauthentication()).isTrue();
            });
    assertThat(emulator.calls(Endpoint.REFRESH)).isZero();
  }

  @Test
  void noStoredRefreshTokenIs400WithoutCallingCal() {
    store.put(
        new StoredTokens(USER, "a", null, clock.instant().minusSeconds(1), null, false, false, 1));

    assertThatThrownBy(() -> tokens.validAccessToken(USER))
        .isInstanceOfSatisfying(
            TokenRefreshException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.needsReauthentication()).isTrue();
            });
    assertThat(emulator.calls(Endpoint.REFRESH)).isZero();
  }

  @Test
  void noCalAccountIs404() {
    assertThatThrownBy(() -> tokens.validAccessToken("nobody"))
        .isInstanceOfSatisfying(
            TokenRefreshException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  // Rule 8
  @Test
  void aRejectedRefreshMarksTheAccountForSignInAndThrows401WithoutLooping() throws Exception {
    signIn(USER, 1001, clock.instant().minusSeconds(1));
    emulator.reset();
    emulator.enqueueFault(Endpoint.REFRESH, Fault.invalidGrant());

    assertThatThrownBy(() -> tokens.validAccessToken(USER))
        .isInstanceOfSatisfying(
            TokenRefreshException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(store.get(USER).needsReauth()).isTrue();
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);

    assertThatThrownBy(() -> tokens.validAccessToken(USER))
        .isInstanceOf(TokenRefreshException.class);
    assertThat(emulator.calls(Endpoint.REFRESH)).as("no call once marked").isEqualTo(1);
  }

  @Test
  void anUnauthorizedMessageBodyIsTreatedTheSame() throws Exception {
    signIn(USER, 1001, clock.instant().minusSeconds(1));
    emulator.enqueueFault(Endpoint.REFRESH, Fault.unauthorized());

    assertThatThrownBy(() -> tokens.validAccessToken(USER))
        .isInstanceOfSatisfying(
            TokenRefreshException.class, e -> assertThat(e.needsReauthentication()).isTrue());
  }

  @Test
  void whenAnotherInstanceRefreshedMeanwhileTheStoredTokensAreUsed() throws Exception {
    StoredTokens stale = signIn(USER, 1001, clock.instant().minusSeconds(1));
    emulator.enqueueFault(Endpoint.REFRESH, Fault.invalidGrant());
    StoredTokens newer =
        new StoredTokens(
            USER,
            "access-from-other-instance",
            "refresh-from-other-instance",
            clock.instant().plus(Duration.ofMinutes(30)),
            null,
            false,
            false,
            2);
    store.beforeReread = user -> store.put(newer);

    assertThat(tokens.validAccessToken(USER)).isEqualTo("access-from-other-instance");
    assertThat(store.get(USER).needsReauth()).isFalse();
    assertThat(stale.refreshToken()).isNotEqualTo(newer.refreshToken());
  }

  // Rule 9
  @Test
  void calUnavailableIs503WithTheTokensKept() throws Exception {
    for (Fault fault : List.of(Fault.serverError(), Fault.tooManyRequests(30))) {
      wire();
      StoredTokens stored = signIn(USER, 1001, clock.instant().minusSeconds(1));
      emulator.enqueueFault(Endpoint.REFRESH, fault);

      assertThatThrownBy(() -> tokens.validAccessToken(USER))
          .isInstanceOfSatisfying(
              TokenRefreshException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.needsReauthentication()).isFalse();
              });
      assertThat(store.get(USER)).isEqualTo(stored);
    }
  }

  @Test
  void aTimeoutIs503AndTheNextCallTriesAgain() throws Exception {
    CalConfig quick = emulatorConfig();
    quick.readTimeoutForTests(Duration.ofMillis(300));
    tokens =
        new TokenService(store, new CalOAuthClient(quick, clock), clock, BUFFER, DEFAULT_LIFETIME);
    signIn(USER, 1001, clock.instant().minusSeconds(1));
    emulator.enqueueFault(Endpoint.REFRESH, Fault.delay(Duration.ofSeconds(2)));

    assertThatThrownBy(() -> tokens.validAccessToken(USER))
        .isInstanceOfSatisfying(
            TokenRefreshException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(tokens.validAccessToken(USER)).isNotBlank();
  }

  @Test
  void whenCalIsDownButTheTokenHasNotExpiredItIsReturned() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant().plus(Duration.ofMinutes(2)));
    emulator.enqueueFault(Endpoint.REFRESH, Fault.serverError());

    assertThat(tokens.validAccessToken(USER)).isEqualTo(stored.accessToken());
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);
  }

  // Rule 10
  @Test
  void fiftyConcurrentCallersCauseExactlyOneRefreshAndAllGetTheNewToken() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant().minusSeconds(1));
    emulator.reset();
    emulator.setDelay(Endpoint.REFRESH, Duration.ofMillis(300));

    List<String> results = concurrently(50, () -> tokens.validAccessToken(USER));

    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);
    assertThat(results).hasSize(50).allMatch(t -> t.equals(store.get(USER).accessToken()));
    assertThat(results.get(0)).isNotEqualTo(stored.accessToken());
  }

  @Test
  void aFailureReachesEveryWaitingCallerAndTheNextCallTriesAgain() throws Exception {
    signIn(USER, 1001, clock.instant().minusSeconds(1));
    emulator.reset();
    emulator.setDelay(Endpoint.REFRESH, Duration.ofMillis(300));
    emulator.enqueueFault(Endpoint.REFRESH, Fault.serverError());

    List<Object> outcomes = concurrentlyCatching(20, () -> tokens.validAccessToken(USER));

    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);
    assertThat(outcomes).allMatch(o -> o instanceof TokenRefreshException e && e.status() == 503);

    emulator.setDelay(Endpoint.REFRESH, Duration.ZERO);
    assertThat(tokens.validAccessToken(USER)).isNotBlank();
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(2);
  }

  @Test
  void differentUsersRefreshInParallel() throws Exception {
    emulator.addUser(2002, "bob", "bob@example.com", "Bob Example");
    signIn("user-a", 1001, clock.instant().minusSeconds(1));
    signIn("user-b", 2002, clock.instant().minusSeconds(1));
    emulator.reset();
    emulator.setDelay(Endpoint.REFRESH, Duration.ofMillis(500));

    List<String> results =
        concurrently(
            2,
            List.of(
                () -> tokens.validAccessToken("user-a"), () -> tokens.validAccessToken("user-b")));

    assertThat(results).doesNotHaveDuplicates();
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(2);
    assertThat(store.maxConcurrentLocked.get())
        .as("both refreshes ran at the same time")
        .isEqualTo(2);
  }

  // Rule 11
  @Test
  void aRejectedApiCallGetsOneForcedRefreshAndOneRetry() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant().plus(Duration.ofMinutes(20)));
    emulator.reset();
    List<String> seen = new ArrayList<>();

    String answer =
        tokens.callWithToken(
            USER,
            token -> {
              seen.add(token);
              if (token.equals(stored.accessToken())) {
                throw new AccessTokenRejectedException();
              }
              return "ok";
            });

    assertThat(answer).isEqualTo("ok");
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1)).isNotEqualTo(stored.accessToken());
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);
  }

  @Test
  void aSecondRejectionMeansSignInAgain() throws Exception {
    signIn(USER, 1001, clock.instant().plus(Duration.ofMinutes(20)));

    assertThatThrownBy(
            () ->
                tokens.callWithToken(
                    USER,
                    token -> {
                      throw new AccessTokenRejectedException();
                    }))
        .isInstanceOfSatisfying(
            TokenRefreshException.class, e -> assertThat(e.needsReauthentication()).isTrue());
    assertThat(store.get(USER).needsReauth()).isTrue();
    assertThat(emulator.calls(Endpoint.REFRESH)).isEqualTo(1);
  }

  // Rule 12 (also checked after every test: no issued secret in any log line)
  @Test
  void noFailureMessageContainsATokenOrTheClientSecret() throws Exception {
    StoredTokens stored = signIn(USER, 1001, clock.instant().minusSeconds(1));
    List<Fault> faults = List.of(Fault.invalidGrant(), Fault.serverError(), Fault.html());
    for (Fault fault : faults) {
      store.put(stored);
      emulator.enqueueFault(Endpoint.REFRESH, fault);
      assertThatThrownBy(() -> tokens.validAccessToken(USER))
          .satisfies(
              e -> {
                assertThat(e.getMessage())
                    .doesNotContain(stored.accessToken())
                    .doesNotContain(stored.refreshToken())
                    .doesNotContain(CLIENT_SECRET);
                assertThat(e.toString()).doesNotContain(stored.refreshToken());
              });
    }
  }

  private static List<String> concurrently(int n, Callable<String> call) throws Exception {
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(call);
    }
    return concurrently(n, calls);
  }

  private static List<String> concurrently(int n, List<Callable<String>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<String> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Object> concurrentlyCatching(int n, Callable<String> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return (Object) call.call();
                  } catch (RuntimeException e) {
                    return e;
                  }
                }));
      }
      start.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private CalConfig emulatorConfig() {
    return CalConfig.of(
        emulator.baseUrl(),
        emulator.baseUrl() + "/v2",
        CLIENT_ID,
        CLIENT_SECRET,
        "http://localhost:8080");
  }
}
