package com.callytics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator;
import com.callytics.emulator.CalEmulator.Endpoint;
import com.callytics.emulator.CalEmulator.Shape;
import com.callytics.emulator.Fault;
import com.callytics.emulator.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bookings API on the deployed EAR against the Cal.com emulator: {@code GET /api/cal/bookings}
 * with the caller's own token, and {@code GET /api/bookings}, {@code /recent} and {@code /summary}
 * for the signed-in user.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BookingsIT {

  static final String API_CLIENT_ID = "bookings-it-api-client";
  static final String API_CLIENT_SECRET = "bookings-it-api-secret-not-real";
  private static final String API_REDIRECT = "http://localhost:9/callback";
  private static final String MISSING_AUTH =
      "Missing or invalid Authorization header. Expected `Bearer <token>`.";
  private static final String CAL_FAILED = "Cal.com bookings request failed.";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> issued = new HashSet<>();

  private CalEmulator cal;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.callyticsEar();
  }

  @BeforeEach
  void emulator() {
    cal = SharedEmulator.get();
    cal.registerClient(API_CLIENT_ID, API_CLIENT_SECRET);
  }

  @AfterAll
  static void serverLogHoldsNoToken() throws Exception {
    issued.addAll(SharedEmulator.get().issuedSecrets());
    SharedEmulator.assertServerLogContainsNoneOf(issued);
  }

  // ------------------------------------------------------------------ GET /api/cal/bookings

  @Test
  void theCallersTokenIsPassedOnAndTheAnswerIsTheMeetingEnvelope() {
    long user = newCalUser(cal, 25);
    String token = calAccessToken(cal, user);

    HttpResponse<String> response =
        Http.send(withBearer("/api/cal/bookings?take=5&skip=5&sortStart=asc", token));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonObject body = Http.json(response);
    assertThat(body.getString("status")).isEqualTo("success");
    assertThat(body.getJsonObject("error")).isEmpty();
    assertThat(body.getJsonArray("data")).hasSize(5);
    assertThat(body.getJsonArray("data").getJsonObject(0).getString("uid"))
        .isEqualTo(cal.bookings(user).get(5).getString("uid"));
    assertThat(body.getJsonObject("pagination"))
        .isEqualTo(pagination(25, 15, 5, 5, 2, 5, true, true));
    RecordedRequest sent = cal.lastRequest(Endpoint.BOOKINGS);
    assertThat(sent.header("Authorization")).isEqualTo("Bearer " + token);
    assertThat(sent.header("cal-api-version")).isNotBlank();
    assertThat(sent.query())
        .containsEntry("take", List.of("5"))
        .containsEntry("skip", List.of("5"))
        .containsEntry("sortStart", List.of("asc"));
    FoundationIT.assertSecurityHeaders(response);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void everyResponseShapeGivesTheSameEnvelope(Shape shape) {
    long user = newCalUser(cal, 12);
    String token = calAccessToken(cal, user);
    cal.bookingsShape(shape);

    JsonObject body = Http.json(Http.send(withBearer("/api/cal/bookings?take=5", token)));

    assertThat(body.getString("status")).isEqualTo("success");
    assertThat(body.getJsonArray("data"))
        .extracting(v -> ((JsonObject) v).getString("uid"))
        .containsExactlyElementsOf(
            cal.bookings(user).subList(0, 5).stream().map(b -> b.getString("uid")).toList());
    JsonObject data = body.getJsonArray("data").getJsonObject(0);
    assertThat(data.keySet())
        .contains(
            "id",
            "uid",
            "title",
            "hosts",
            "status",
            "start",
            "end",
            "duration",
            "eventTypeId",
            "attendees",
            "createdAt",
            "updatedAt",
            "bookingFieldsResponses");
    JsonObject expected =
        shape == Shape.BARE_ARRAY
            // no total from Cal.com: a full page signals one more item, as the seed does
            ? pagination(6, 1, 5, 5, 1, 2, true, false)
            : pagination(12, 7, 5, 5, 1, 3, true, false);
    assertThat(body.getJsonObject("pagination")).isEqualTo(expected);
  }

  @Test
  void aMissingOrMalformedAuthorizationIs401InTheEnvelopeWithoutCallingCalCom() {
    for (String header : new String[] {null, "Basic dXNlcjpwYXNz", "Bearer", "Bearer a b"}) {
      HttpRequest.Builder request = Http.request("/api/cal/bookings").GET();
      if (header != null) {
        request.header("Authorization", header);
      }
      HttpResponse<String> response = Http.send(request.build());

      assertThat(response.statusCode()).as(String.valueOf(header)).isEqualTo(401);
      assertErrorEnvelope(response, MISSING_AUTH);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    assertThat(cal.calls(Endpoint.BOOKINGS)).isZero();
  }

  @Test
  void anInvalidQueryIs400NamingEachBadFieldWithoutCallingCalCom() {
    HttpResponse<String> response =
        Http.send(
            withBearer(
                "/api/cal/bookings?take=0&status=upcoming,bogus&attendeeEmail=nope&colour=red&skip=",
                "any-token"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject details =
        assertErrorEnvelope(response, "Invalid query parameters.").getJsonObject("details");
    assertThat(details.keySet())
        .containsExactlyInAnyOrder("take", "status", "attendeeEmail", "colour");
    assertThat(details.getString("colour")).isEqualTo("unknown parameter");
    assertThat(cal.calls(Endpoint.BOOKINGS)).isZero();
  }

  @Test
  void aCalComRefusalKeepsItsStatusAndBodyInTheEnvelope() {
    String calError =
        "{\"status\":\"error\",\"error\":{\"code\":\"FORBIDDEN\",\"message\":\"no access to"
            + " team\"}}";
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.status(403, calError));

    HttpResponse<String> response = Http.send(withBearer("/api/cal/bookings?teamId=7", "a-token"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(assertErrorEnvelope(response, CAL_FAILED).getJsonObject("details"))
        .isEqualTo(json(calError));
    assertThat(cal.calls(Endpoint.BOOKINGS)).as("a 4xx is not retried").isEqualTo(1);
  }

  @Test
  void aTokenCalComRejectsIs401WithCalComsAnswer() {
    HttpResponse<String> response = Http.send(withBearer("/api/cal/bookings", "not-a-cal-token"));

    assertThat(response.statusCode()).isEqualTo(401);
    JsonObject error = assertErrorEnvelope(response, CAL_FAILED);
    assertThat(error.getJsonObject("details").getString("status")).isEqualTo("error");
  }

  @Test
  void aServerErrorIsRetriedTransparently() {
    long user = newCalUser(cal, 3);
    String token = calAccessToken(cal, user);
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.serverError());
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.serverError());

    HttpResponse<String> response = Http.send(withBearer("/api/cal/bookings", token));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).getJsonArray("data")).hasSize(3);
    assertThat(cal.calls(Endpoint.BOOKINGS)).isEqualTo(3);
  }

  @Test
  void aServerErrorThatPersistsIsReportedWithCalComsStatusAfterTwoRetries() {
    for (int i = 0; i < 3; i++) {
      cal.enqueueFault(Endpoint.BOOKINGS, Fault.serverError());
    }

    HttpResponse<String> response = Http.send(withBearer("/api/cal/bookings", "a-token"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(
            assertErrorEnvelope(response, CAL_FAILED)
                .getJsonObject("details")
                .getJsonObject("error")
                .getString("code"))
        .isEqualTo("INTERNAL_SERVER_ERROR");
    assertThat(cal.calls(Endpoint.BOOKINGS)).isEqualTo(3);
  }

  @Test
  void tooManyRequestsWaitsAsLongAsCalComAsksAndTriesOnceMore() {
    long user = newCalUser(cal, 3);
    String token = calAccessToken(cal, user);
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.tooManyRequests(1));
    long started = System.nanoTime();

    HttpResponse<String> response = Http.send(withBearer("/api/cal/bookings", token));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    List<RecordedRequest> requests = cal.requests(Endpoint.BOOKINGS);
    assertThat(requests).hasSize(2);
    assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void tooManyRequestsTwiceIsA503() {
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.tooManyRequests(0));
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.tooManyRequests(2));

    HttpResponse<String> response = Http.send(withBearer("/api/cal/bookings", "a-token"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertErrorEnvelope(response, CAL_FAILED);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(cal.calls(Endpoint.BOOKINGS)).isEqualTo(2);
  }

  @Test
  void anAnswerThatIsNotAPageOfBookingsIs502() {
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.malformedJson());
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.html());
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.redirect("https://evil.example/v2/bookings"));

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response = Http.send(withBearer("/api/cal/bookings", "a-token"));

      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(Http.json(response).getString("status")).isEqualTo("error");
    }
    assertThat(cal.calls(Endpoint.BOOKINGS))
        .as("nothing retried, no redirect followed")
        .isEqualTo(3);
  }

  // ------------------------------------------------------------------ GET /api/bookings

  @Test
  void withoutASessionTheBookingsAre401() {
    HttpResponse<String> response = Http.get("/api/bookings");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void theSignedInUserGetsTheirBookingsInTheMeetingEnvelope() {
    long user = newCalUser(cal, 30);
    Browser browser = signedInAndSynced(cal, user);

    HttpResponse<String> response = browser.get("/api/bookings?take=10&sortStart=desc");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject body = Http.json(response);
    assertThat(body.getString("status")).isEqualTo("success");
    List<JsonObject> all = cal.bookings(user);
    assertThat(body.getJsonArray("data").getJsonObject(0).getString("uid"))
        .isEqualTo(all.get(all.size() - 1).getString("uid"));
    assertThat(body.getJsonObject("pagination").getInt("totalItems")).isEqualTo(30);
  }

  @Test
  void anInvalidQueryOfTheSignedInUserIsA400ProblemNamingTheFields() {
    long user = newCalUser(cal, 3);
    Browser browser = signedInAndSynced(cal, user);
    int before = cal.calls(Endpoint.BOOKINGS);

    HttpResponse<String> response = browser.get("/api/bookings?take=501&sortEnd=sideways");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(Http.json(response).getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder("take", "sortEnd");
    assertThat(cal.calls(Endpoint.BOOKINGS)).isEqualTo(before);
  }

  @Test
  void aTokenThatExpiresBetweenTwoCallsIsRefreshedTransparently() {
    long user = newCalUser(cal, 8);
    Browser browser = signedInAndSynced(cal, user);
    assertThat(browser.get("/api/bookings").statusCode()).isEqualTo(200);
    int refreshes = cal.calls(Endpoint.REFRESH);
    cal.expireAccessTokens(user);

    HttpResponse<String> response = browser.get("/api/bookings");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).getJsonArray("data")).hasSize(8);
    assertThat(cal.calls(Endpoint.REFRESH)).isEqualTo(refreshes + 1);
    List<RecordedRequest> requests = cal.requests(Endpoint.BOOKINGS);
    String rejected = requests.get(requests.size() - 2).header("Authorization");
    String fresh = requests.get(requests.size() - 1).header("Authorization");
    assertThat(fresh).isNotEqualTo(rejected);
    assertThat(browser.get("/api/bookings").statusCode()).isEqualTo(200);
    assertThat(cal.calls(Endpoint.REFRESH)).as("no second refresh").isEqualTo(refreshes + 1);
  }

  @Test
  void aSignInCalComNoLongerAcceptsIs401WithAReauthHint() {
    long user = newCalUser(cal, 3);
    Browser browser = signedInAndSynced(cal, user);
    cal.expireAccessTokens(user);
    cal.revokeRefreshTokens(user);

    HttpResponse<String> response = browser.get("/api/bookings");

    assertThat(response.statusCode()).isEqualTo(401);
    JsonObject problem = Http.json(response);
    assertThat(problem.getBoolean("reauth")).isTrue();
    assertThat(response.body()).doesNotContainIgnoringCase("token\":");
  }

  @Test
  void aCalComErrorForTheSignedInUserIsAProblemWithCalComsStatusAndBody() {
    long user = newCalUser(cal, 3);
    Browser browser = signedInAndSynced(cal, user);
    String calError =
        "{\"status\":\"error\",\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"gone\"}}";
    cal.enqueueFault(Endpoint.BOOKINGS, Fault.status(404, calError));

    HttpResponse<String> response = browser.get("/api/bookings");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonObject problem = Http.json(response);
    assertThat(problem.getString("detail")).isEqualTo(CAL_FAILED);
    assertThat(problem.getJsonObject("details")).isEqualTo(json(calError));
  }

  @Test
  void recentGivesTheThreeMostRecentlyUpdatedBookings() {
    long user = newCalUser(cal, 40);
    Browser browser = signedInAndSynced(cal, user);
    cal.changeBookings(user, 2);

    HttpResponse<String> response = browser.get("/api/bookings/recent");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject body = Http.json(response);
    assertThat(body.getInt("totalItems")).isEqualTo(40);
    List<Instant> newest =
        cal.bookingUpdatedAt(user).values().stream()
            .sorted(java.util.Comparator.reverseOrder())
            .limit(3)
            .toList();
    assertThat(body.getJsonArray("data"))
        .extracting(v -> Instant.parse(((JsonObject) v).getString("updatedAt")))
        .containsExactlyElementsOf(newest);
    assertThat(cal.lastRequest(Endpoint.BOOKINGS).query())
        .containsEntry("sortUpdatedAt", List.of("desc"))
        .containsEntry("take", List.of("3"));
  }

  @Test
  void summaryCountsTheBookingsOfAStatusWithOneCall() {
    long user = newCalUser(cal, 60);
    Browser browser = signedInAndSynced(cal, user);
    long cancelled =
        cal.bookings(user).stream()
            .filter(b -> Set.of("cancelled", "rejected").contains(b.getString("status")))
            .count();
    int before = cal.calls(Endpoint.BOOKINGS);

    HttpResponse<String> response = browser.get("/api/bookings/summary?status=cancelled");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response))
        .isEqualTo(
            Json.createObjectBuilder()
                .add("status", "cancelled")
                .add("totalItems", cancelled)
                .build());
    assertThat(cal.calls(Endpoint.BOOKINGS)).isEqualTo(before + 1);
    assertThat(cal.lastRequest(Endpoint.BOOKINGS).query())
        .containsEntry("status", List.of("cancelled"))
        .containsEntry("take", List.of("1"));
  }

  @Test
  void summaryOfAnUnknownOrMissingStatusIs400() {
    long user = newCalUser(cal, 3);
    Browser browser = signedInAndSynced(cal, user);

    HttpResponse<String> unknown = browser.get("/api/bookings/summary?status=lost");
    HttpResponse<String> missing = browser.get("/api/bookings/summary");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(Http.json(unknown).getJsonObject("errors").keySet()).containsExactly("status");
    assertThat(missing.statusCode()).isEqualTo(400);
  }

  // ------------------------------------------------------------------ helpers (SyncIT uses them)

  /** A new Cal.com user with {@code bookings} bookings, selected on the consent page. */
  static long newCalUser(CalEmulator cal, int bookings) {
    long id = CalUserIds.next();
    cal.addUser(id, "user" + id, "user" + id + "@example.com", "User " + id);
    cal.setBookingCount(id, bookings);
    cal.signInAs(id);
    return id;
  }

  /** Signs the user in and waits for the sync that sign-in starts to finish. */
  static Browser signedInAndSynced(CalEmulator cal, long calUser) {
    cal.signInAs(calUser);
    Browser browser = new Browser();
    HttpResponse<String> landed = browser.signIn("/dashboard");
    assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
    JsonObject status = awaitSyncEnd(browser, Duration.ofSeconds(90));
    assertThat(status.getString("state")).as(status.toString()).isEqualTo("idle");
    return browser;
  }

  /** Polls {@code GET /api/sync} (bounded) until no sync runs; returns the last status. */
  static JsonObject awaitSyncEnd(Browser browser, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    JsonObject status;
    do {
      HttpResponse<String> response = browser.get("/api/sync");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      status = Http.json(response);
      if (!status.getString("state").equals("running")) {
        return status;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the sync did not end within " + max + ": " + status);
  }

  /** An access token of the user for the API client, through Cal.com's OAuth flow. */
  static String calAccessToken(CalEmulator cal, long calUser) {
    cal.signInAs(calUser);
    String verifier = randomUrlSafe(48);
    String authorize =
        cal.baseUrl()
            + "/auth/oauth2/authorize?response_type=code&client_id="
            + API_CLIENT_ID
            + "&redirect_uri="
            + URLEncoder.encode(API_REDIRECT, StandardCharsets.UTF_8)
            + "&state="
            + randomUrlSafe(16)
            + "&code_challenge="
            + s256(verifier)
            + "&code_challenge_method=S256";
    HttpResponse<String> redirect = Http.get(authorize);
    assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
    String code = Browser.query(Browser.location(redirect)).get("code");
    Map<String, String> form =
        Map.of(
            "grant_type", "authorization_code",
            "code", code,
            "client_id", API_CLIENT_ID,
            "client_secret", API_CLIENT_SECRET,
            "redirect_uri", API_REDIRECT,
            "code_verifier", verifier);
    HttpResponse<String> token =
        Http.send(
            HttpRequest.newBuilder(URI.create(cal.baseUrl() + "/api/auth/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form.entrySet().stream()
                            .map(
                                e ->
                                    e.getKey()
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"))))
                .build());
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    cal.reset();
    return Http.json(token).getString("access_token");
  }

  static HttpRequest withBearer(String path, String token) {
    return Http.request(path).header("Authorization", "Bearer " + token).GET().build();
  }

  /** Asserts the envelope of an error; returns its {@code error} object. */
  static JsonObject assertErrorEnvelope(HttpResponse<String> response, String message) {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonObject body = Http.json(response);
    assertThat(body.getString("status")).isEqualTo("error");
    assertThat(body.getJsonArray("data")).isEmpty();
    assertThat(body.getJsonObject("pagination")).isEmpty();
    JsonObject error = body.getJsonObject("error");
    assertThat(error.getString("message")).isEqualTo(message);
    return error;
  }

  static JsonObject pagination(
      int total,
      int remaining,
      int returned,
      int perPage,
      int page,
      int pages,
      boolean next,
      boolean previous) {
    return Json.createObjectBuilder()
        .add("totalItems", total)
        .add("remainingItems", remaining)
        .add("returnedItems", returned)
        .add("itemsPerPage", perPage)
        .add("currentPage", page)
        .add("totalPages", pages)
        .add("hasNextPage", next)
        .add("hasPreviousPage", previous)
        .build();
  }

  static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  private static String randomUrlSafe(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
