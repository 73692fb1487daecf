package com.callytics.emulator;

import static com.callytics.emulator.TestSupport.CLIENT_ID;
import static com.callytics.emulator.TestSupport.CLIENT_SECRET;
import static com.callytics.emulator.TestSupport.get;
import static com.callytics.emulator.TestSupport.getWithToken;
import static com.callytics.emulator.TestSupport.json;
import static com.callytics.emulator.TestSupport.postForm;
import static com.callytics.emulator.TestSupport.refreshForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callytics.emulator.CalEmulator.Endpoint;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private CalEmulator emulator;
  private JsonObject tokens;
  private String bookingsUrl;
  private String meUrl;

  @BeforeEach
  void start() {
    emulator = CalEmulator.start(0).registerClient(CLIENT_ID, CLIENT_SECRET);
    tokens = TestSupport.signIn(emulator);
    bookingsUrl = emulator.baseUrl() + "/v2/bookings";
    meUrl = emulator.baseUrl() + "/v2/me";
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private HttpResponse<String> me() {
    return getWithToken(meUrl, tokens.getString("access_token"));
  }

  private HttpResponse<String> bookings(String query) {
    return getWithToken(bookingsUrl + query, tokens.getString("access_token"));
  }

  @Test
  void statusFaultSendsTheGivenCodeAndBody() {
    emulator.enqueueFault(Endpoint.ME, Fault.status(503, "{\"message\":\"maintenance\"}"));

    HttpResponse<String> faulted = me();

    assertThat(faulted.statusCode()).isEqualTo(503);
    assertThat(faulted.body()).isEqualTo("{\"message\":\"maintenance\"}");
    assertThat(faulted.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(me().statusCode()).isEqualTo(200);
  }

  @Test
  void serverErrorIsA500WithJson() {
    emulator.enqueueFault(Endpoint.BOOKINGS, Fault.serverError());

    HttpResponse<String> faulted = bookings("");

    assertThat(faulted.statusCode()).isEqualTo(500);
    assertThat(json(faulted).getString("status")).isEqualTo("error");
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    emulator.enqueueFault(Endpoint.BOOKINGS, Fault.tooManyRequests(7));

    HttpResponse<String> faulted = bookings("");

    assertThat(faulted.statusCode()).isEqualTo(429);
    assertThat(faulted.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void invalidGrantOnTheRefreshEndpointLeavesTheTokenUsable() {
    String refreshUrl = emulator.baseUrl() + "/api/auth/oauth/refreshToken";
    emulator.enqueueFault(Endpoint.REFRESH, Fault.invalidGrant());

    HttpResponse<String> faulted =
        postForm(refreshUrl, refreshForm(tokens.getString("refresh_token")));
    HttpResponse<String> retried =
        postForm(refreshUrl, refreshForm(tokens.getString("refresh_token")));

    assertThat(faulted.statusCode()).isEqualTo(400);
    assertThat(faulted.body()).isEqualTo("{\"error\":\"invalid_grant\"}");
    assertThat(retried.statusCode()).isEqualTo(200);
  }

  @Test
  void unauthorizedIsA401() {
    emulator.enqueueFault(Endpoint.ME, Fault.unauthorized());

    HttpResponse<String> faulted = me();

    assertThat(faulted.statusCode()).isEqualTo(401);
    assertThat(faulted.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
  }

  @Test
  void malformedJsonIsA200ThatDoesNotParse() {
    emulator.enqueueFault(Endpoint.BOOKINGS, Fault.malformedJson());

    HttpResponse<String> faulted = bookings("");

    assertThat(faulted.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> TestSupport.parse(faulted.body())).isInstanceOf(JsonException.class);
  }

  @Test
  void htmlIsA200Page() {
    emulator.enqueueFault(Endpoint.TOKEN, Fault.html());

    HttpResponse<String> faulted =
        postForm(emulator.baseUrl() + "/api/auth/oauth/token", java.util.Map.of("a", "b"));

    assertThat(faulted.statusCode()).isEqualTo(200);
    assertThat(faulted.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(faulted.body()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void redirectIsA302ToTheLocation() {
    emulator.enqueueFault(Endpoint.AUTHORIZE, Fault.redirect("https://login.example/elsewhere"));

    HttpResponse<String> faulted = get(emulator.baseUrl() + "/auth/oauth2/authorize");

    assertThat(faulted.statusCode()).isEqualTo(302);
    assertThat(faulted.headers().firstValue("Location"))
        .hasValue("https://login.example/elsewhere");
  }

  @Test
  void delayThenAnswersNormally() {
    emulator.enqueueFault(Endpoint.ME, Fault.delay(Duration.ofMillis(300)));

    long started = System.nanoTime();
    HttpResponse<String> delayed = me();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(delayed.statusCode()).isEqualTo(200);
    assertThat(json(delayed).getJsonObject("data").getInt("id")).isEqualTo(1001);
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void queuedFaultsAreOneShotAndFifo() {
    emulator.enqueueFault(Endpoint.BOOKINGS, Fault.serverError());
    emulator.enqueueFault(Endpoint.BOOKINGS, Fault.tooManyRequests(1));
    emulator.enqueueFault(Endpoint.ME, Fault.unauthorized());

    List<Integer> statuses =
        List.of(bookings("").statusCode(), bookings("").statusCode(), bookings("").statusCode());

    assertThat(statuses).containsExactly(500, 429, 200);
    assertThat(me().statusCode()).isEqualTo(401);
    assertThat(me().statusCode()).isEqualTo(200);
  }

  @Test
  void failBookingsAtSkipHitsThatPageUntilCleared() {
    emulator.failBookingsAtSkip(20, Fault.serverError());

    int first = bookings("?take=20&skip=20").statusCode();
    int second = bookings("?take=20&skip=20").statusCode();
    int otherPage = bookings("?take=20&skip=0").statusCode();
    emulator.clearFaults();
    int afterClear = bookings("?take=20&skip=20").statusCode();

    assertThat(first).isEqualTo(500);
    assertThat(second).isEqualTo(500);
    assertThat(otherPage).isEqualTo(200);
    assertThat(afterClear).isEqualTo(200);
  }

  @Test
  void failBookingsAtSkipZeroAlsoMatchesAMissingSkip() {
    emulator.failBookingsAtSkip(0, Fault.tooManyRequests(3));

    assertThat(bookings("").statusCode()).isEqualTo(429);
    assertThat(bookings("?skip=0").statusCode()).isEqualTo(429);
  }

  @Test
  void callCountersIncludeFaultedRequestsAndRecordDetails() {
    emulator.reset();
    emulator.enqueueFault(Endpoint.BOOKINGS, Fault.serverError());

    bookings("?take=5&status=past&status=upcoming");
    bookings("?take=5");
    me();

    assertThat(emulator.calls(Endpoint.BOOKINGS)).isEqualTo(2);
    assertThat(emulator.calls(Endpoint.ME)).isEqualTo(1);
    assertThat(emulator.calls(Endpoint.TOKEN)).isZero();
    List<RecordedRequest> requests = emulator.requests(Endpoint.BOOKINGS);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).query().get("status")).containsExactly("past", "upcoming");
    assertThat(requests.get(0).header("Authorization"))
        .isEqualTo("Bearer " + tokens.getString("access_token"));
    assertThat(emulator.lastRequest(Endpoint.BOOKINGS).queryParam("take")).isEqualTo("5");
    assertThat(emulator.lastRequest(Endpoint.REFRESH)).isNull();
  }

  @Test
  void tokenRequestsRecordTheirFormParameters() {
    RecordedRequest token = emulator.lastRequest(Endpoint.TOKEN);

    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.formParam("grant_type")).isEqualTo("authorization_code");
    assertThat(token.formParam("client_id")).isEqualTo(CLIENT_ID);
    assertThat(token.form().get("code_verifier")).hasSize(1);
    assertThat(token.headers()).containsKey("content-type");
  }

  @Test
  void resetClearsFaultsCountersAndRequestsButKeepsTokens() {
    emulator.enqueueFault(Endpoint.ME, Fault.serverError());
    emulator.setDelay(Endpoint.ME, Duration.ofSeconds(30));
    emulator.failBookingsAtSkip(0, Fault.serverError());

    emulator.reset();

    assertThat(emulator.calls(Endpoint.TOKEN)).isZero();
    assertThat(emulator.requests(Endpoint.AUTHORIZE)).isEmpty();
    assertThat(me().statusCode()).isEqualTo(200);
    assertThat(bookings("").statusCode()).isEqualTo(200);
    assertThat(emulator.calls(Endpoint.ME)).isEqualTo(1);
    assertThat(emulator.issuedSecrets()).contains(tokens.getString("access_token"));
  }

  @Test
  void aSlowEndpointDoesNotBlockTheOthers() {
    emulator.setDelay(Endpoint.ME, Duration.ofSeconds(20));
    CompletableFuture<HttpResponse<String>> slow =
        TestSupport.HTTP.sendAsync(
            HttpRequest.newBuilder(java.net.URI.create(meUrl))
                .header("Authorization", "Bearer " + tokens.getString("access_token"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    TestSupport.await(() -> emulator.calls(Endpoint.ME) == 1, Duration.ofSeconds(5), "ME call");

    HttpResponse<String> fast = bookings("?take=3");

    assertThat(fast.statusCode()).isEqualTo(200);
    assertThat(slow).isNotDone();
    emulator.close();
    assertThat(slow)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class);
  }

  @Test
  void unknownPathsAre404AndNotCounted() {
    emulator.reset();

    HttpResponse<String> response = get(emulator.baseUrl() + "/v2/event-types");

    assertThat(response.statusCode()).isEqualTo(404);
    for (Endpoint e : Endpoint.values()) {
      assertThat(emulator.calls(e)).isZero();
    }
  }
}
