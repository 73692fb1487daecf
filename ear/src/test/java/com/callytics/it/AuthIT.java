package com.callytics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator;
import com.callytics.emulator.CalEmulator.Endpoint;
import com.callytics.emulator.Fault;
import com.callytics.emulator.RecordedRequest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-in with Cal.com, sessions, sign-out, account deletion and token refresh, on the EAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthIT {

  private static final String CALLBACK = "http://localhost:8080/api/cal/oauth/callback";
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

  private long newCalUser() {
    long id = CalUserIds.next();
    cal.addUser(id, "user" + id, "user" + id + "@example.com", "User " + id);
    cal.signInAs(id);
    return id;
  }

  @Test
  void fullSignInSetsASecureSessionCookieAndLandsOnReturnTo() throws Exception {
    newCalUser();
    Browser browser = new Browser();

    HttpResponse<String> login = browser.get("/api/auth/login?returnTo=/dashboard");
    assertThat(login.statusCode()).isEqualTo(302);
    String authorize = Browser.location(login);
    assertThat(authorize).startsWith(cal.baseUrl() + "/auth/oauth2/authorize?");
    Map<String, String> params = Browser.query(authorize);
    assertThat(params)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", SharedEmulator.CLIENT_ID)
        .containsEntry("redirect_uri", CALLBACK)
        .containsEntry("scope", "READ_BOOKING,READ_PROFILE")
        .containsEntry("code_challenge_method", "S256");
    assertThat(Base64.getUrlDecoder().decode(params.get("state"))).hasSizeGreaterThanOrEqualTo(16);
    assertThat(params.get("code_challenge")).isNotBlank();

    HttpResponse<String> back = browser.get(authorize);
    HttpResponse<String> landed =
        browser.send(
            Http.request(Browser.location(back)).header("Host", "attacker.example:8080").GET());

    assertThat(landed.statusCode()).isEqualTo(302);
    assertThat(Browser.location(landed)).isEqualTo("http://localhost:8080/dashboard");
    assertThat(landed.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(landed.headers().allValues("Referrer-Policy")).contains("no-referrer");
    String cookie = Browser.setCookie(landed, "callytics_session").orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
    assertThat(cookie).doesNotContainIgnoringCase("Domain=").doesNotContainIgnoringCase("Secure");
    String value = browser.cookies.get("callytics_session");
    assertThat(Base64.getUrlDecoder().decode(value)).hasSizeGreaterThanOrEqualTo(32);

    RecordedRequest token = cal.lastRequest(Endpoint.TOKEN);
    assertThat(token.formParam("grant_type")).isEqualTo("authorization_code");
    assertThat(token.formParam("redirect_uri"))
        .as("exactly the configured value")
        .isEqualTo(CALLBACK);
    assertThat(challenge(token.formParam("code_verifier"))).isEqualTo(params.get("code_challenge"));

    HttpResponse<String> session = browser.get("/api/auth/session");
    assertThat(session.statusCode()).isEqualTo(200);
    JsonObject body = Http.json(session);
    assertThat(body.getJsonObject("user").getString("email")).endsWith("@example.com");
    assertThat(body.getString("expiresAt")).isNotBlank();
    assertThat(session.body()).doesNotContain(value);
  }

  @Test
  void sessionWithoutCookieIs401Problem() {
    HttpResponse<String> response = Http.get("/api/auth/session");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void aMissingWrongOrForeignStateIsRefusedWithoutATokenRequest() {
    newCalUser();
    Browser browser = new Browser();
    HttpResponse<String> login = browser.get("/api/auth/login");
    String callback = Browser.location(browser.get(Browser.location(login)));
    Map<String, String> back = Browser.query(callback);
    int tokenCalls = cal.calls(Endpoint.TOKEN);

    HttpResponse<String> missing = browser.get("/api/cal/oauth/callback?code=" + back.get("code"));
    HttpResponse<String> wrong =
        browser.get("/api/cal/oauth/callback?code=" + back.get("code") + "&state=not-the-state");
    HttpResponse<String> otherBrowser = new Browser().get(callback);

    for (HttpResponse<String> refused : List.of(missing, wrong, otherBrowser)) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("This sign-in link has expired").contains("Start again");
      assertThat(Browser.setCookie(refused, "callytics_session")).isEmpty();
    }
    assertThat(cal.calls(Endpoint.TOKEN)).isEqualTo(tokenCalls);
  }

  @Test
  void aStateCanBeUsedOnlyOnce() {
    newCalUser();
    Browser browser = new Browser();
    HttpResponse<String> login = browser.get("/api/auth/login");
    String callback = Browser.location(browser.get(Browser.location(login)));
    String signInCookie = browser.cookies.get("callytics_signin");
    assertThat(browser.get(callback).statusCode()).isEqualTo(302);
    int tokenCalls = cal.calls(Endpoint.TOKEN);

    browser.cookies.put("callytics_signin", signInCookie);
    HttpResponse<String> replay = browser.get(callback);

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(cal.calls(Endpoint.TOKEN)).isEqualTo(tokenCalls);
  }

  @Test
  void declinedConsentLeadsBackToTheLandingPageWithoutReflectingTheQuery() {
    Browser browser = new Browser();
    browser.get("/api/auth/login");

    HttpResponse<String> denied =
        browser.get(
            "/api/cal/oauth/callback?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C/script%3E&state=x");

    assertThat(denied.statusCode()).isEqualTo(303);
    assertThat(Browser.location(denied)).endsWith("/?signin=denied");
    assertThat(denied.body()).doesNotContain("<script>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/dashboard",
        "%2F%2Fevil.example",
        "/%2F%2Fevil.example",
        "/%5Cevil.example",
        "javascript:alert(1)"
      })
  void returnToCannotLeaveTheSite(String payload) {
    newCalUser();

    HttpResponse<String> landed = new Browser().signIn(payload);

    assertThat(landed.statusCode()).isEqualTo(302);
    assertThat(Browser.location(landed)).isEqualTo("http://localhost:8080/dashboard");
  }

  @Test
  void aFailingTokenCallShowsAFriendlyPageAndStoresNothing() {
    newCalUser();
    cal.enqueueFault(Endpoint.TOKEN, Fault.serverError());
    Browser browser = new Browser();

    HttpResponse<String> failed = browser.signIn("/dashboard");

    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(failed.body())
        .contains("Cal.com did not complete the sign-in")
        .doesNotContain("Exception");
    assertThat(browser.cookies).doesNotContainKey("callytics_session");
  }

  @Test
  void logoutInvalidatesTheOldCookie() {
    newCalUser();
    Browser browser = new Browser();
    browser.signIn("/dashboard");
    String oldCookie = browser.cookies.get("callytics_session");

    HttpResponse<String> logout =
        browser.send(Http.request("/api/auth/logout").POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(logout.statusCode()).isEqualTo(204);
    assertThat(Browser.setCookie(logout, "callytics_session").orElseThrow())
        .containsIgnoringCase("Max-Age=0")
        .contains("HttpOnly")
        .contains("Path=/");
    Browser stale = new Browser();
    stale.cookies.put("callytics_session", oldCookie);
    assertThat(stale.get("/api/auth/session").statusCode()).isEqualTo(401);
  }

  @Test
  void aFormPostLogoutGoesBackToTheLandingPage() {
    newCalUser();
    Browser browser = new Browser();
    browser.signIn("/dashboard");

    HttpResponse<String> logout =
        browser.send(
            Http.request("/api/auth/logout")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:8080")
                .POST(HttpRequest.BodyPublishers.ofString("")));

    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(Browser.location(logout)).endsWith("/");
  }

  @Test
  void crossSitePostsAreRefusedAndChangeNothing() {
    newCalUser();
    Browser browser = new Browser();
    browser.signIn("/dashboard");

    HttpResponse<String> forged =
        browser.send(
            Http.request("/api/auth/logout")
                .header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> forgedDelete =
        browser.send(
            Http.request("/api/account").header("Origin", "https://evil.example").DELETE());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forgedDelete.statusCode()).isEqualTo(403);
    assertThat(browser.get("/api/auth/session").statusCode()).isEqualTo(200);
  }

  @Test
  void deletingTheAccountRemovesEverything() {
    newCalUser();
    Browser browser = new Browser();
    browser.signIn("/dashboard");
    String firstId =
        Http.json(browser.get("/api/auth/session")).getJsonObject("user").getString("id");
    String cookie = browser.cookies.get("callytics_session");

    HttpResponse<String> deleted = browser.send(Http.request("/api/account").DELETE());

    assertThat(deleted.statusCode()).isEqualTo(204);
    Browser stale = new Browser();
    stale.cookies.put("callytics_session", cookie);
    assertThat(stale.get("/api/auth/session").statusCode()).isEqualTo(401);
    assertThat(stale.get("/api/account/cal-profile").statusCode()).isEqualTo(401);
    Browser again = new Browser();
    again.signIn("/dashboard");
    String secondId =
        Http.json(again.get("/api/auth/session")).getJsonObject("user").getString("id");
    assertThat(secondId).as("a new user row").isNotEqualTo(firstId);
  }

  @Test
  void anAccessTokenInsideTheBufferIsRefreshedTransparently() {
    cal.accessTokenLifetime(Duration.ofMinutes(2));
    // the sync that sign-in starts uses (and may refresh) the token: count only after it
    Browser browser = BookingsIT.signedInAndSynced(cal, newCalUser());
    cal.accessTokenLifetime(Duration.ofHours(1));
    int before = cal.calls(Endpoint.REFRESH);

    HttpResponse<String> profile = browser.get("/api/account/cal-profile");

    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(cal.calls(Endpoint.REFRESH)).isEqualTo(before + 1);
    assertThat(browser.get("/api/account/cal-profile").statusCode()).isEqualTo(200);
    assertThat(cal.calls(Endpoint.REFRESH))
        .as("fresh now: no second refresh")
        .isEqualTo(before + 1);
  }

  @Test
  void fiftyConcurrentRequestsWithAnExpiredTokenCauseOneRefresh() throws Exception {
    cal.accessTokenLifetime(Duration.ofMinutes(1));
    // the sync that sign-in starts uses (and may refresh) the token: count only after it
    Browser browser = BookingsIT.signedInAndSynced(cal, newCalUser());
    cal.accessTokenLifetime(Duration.ofHours(1));
    cal.setDelay(Endpoint.REFRESH, Duration.ofMillis(500));
    int before = cal.calls(Endpoint.REFRESH);

    List<Integer> statuses =
        Concurrently.run(50, () -> browser.get("/api/account/cal-profile").statusCode());

    assertThat(statuses).hasSize(50).containsOnly(200);
    assertThat(cal.calls(Endpoint.REFRESH) - before).isEqualTo(1);
  }

  @Test
  void twoUsersRefreshInParallel() throws Exception {
    cal.accessTokenLifetime(Duration.ofMinutes(1));
    Browser first = BookingsIT.signedInAndSynced(cal, newCalUser());
    Browser second = BookingsIT.signedInAndSynced(cal, newCalUser());
    cal.accessTokenLifetime(Duration.ofHours(1));
    cal.setDelay(Endpoint.REFRESH, Duration.ofSeconds(1));
    int before = cal.requests(Endpoint.REFRESH).size();

    List<Integer> statuses =
        Concurrently.run(
            List.of(
                () -> first.get("/api/account/cal-profile").statusCode(),
                () -> second.get("/api/account/cal-profile").statusCode()));

    assertThat(statuses).containsOnly(200);
    List<RecordedRequest> refreshes = cal.requests(Endpoint.REFRESH);
    assertThat(refreshes.size() - before).isEqualTo(2);
    Duration gap =
        Duration.between(
                refreshes.get(refreshes.size() - 2).receivedAt(),
                refreshes.get(refreshes.size() - 1).receivedAt())
            .abs();
    assertThat(gap)
        .as("the second refresh did not wait for the first")
        .isLessThan(Duration.ofMillis(900));
  }

  @Test
  void aRevokedSignInAsksTheUserToSignInAgain() {
    cal.accessTokenLifetime(Duration.ofMinutes(1));
    long calUser = newCalUser();
    // revoke after the sign-in's sync: a refresh still in flight would get a new, unrevoked token
    Browser browser = BookingsIT.signedInAndSynced(cal, calUser);
    cal.revokeRefreshTokens(calUser);

    HttpResponse<String> profile = browser.get("/api/account/cal-profile");

    assertThat(profile.statusCode()).isEqualTo(401);
    JsonObject problem = Http.json(profile);
    assertThat(problem.getBoolean("reauth")).isTrue();
    assertThat(profile.body()).doesNotContain("token\":");
    assertThat(browser.get("/api/auth/session").statusCode())
        .as("the session itself still works")
        .isEqualTo(200);
  }

  private static String challenge(String verifier) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }
}
