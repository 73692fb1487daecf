package com.callytics.emulator;

import static com.callytics.emulator.TestSupport.CLIENT_ID;
import static com.callytics.emulator.TestSupport.CLIENT_SECRET;
import static com.callytics.emulator.TestSupport.get;
import static com.callytics.emulator.TestSupport.getWithToken;
import static com.callytics.emulator.TestSupport.json;
import static com.callytics.emulator.TestSupport.postForm;
import static com.callytics.emulator.TestSupport.refreshForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator.Endpoint;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeEndpointTest {
  private static final String UNAUTHORIZED =
      "{\"status\":\"error\",\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Unauthorized\"}}";

  private CalEmulator emulator;
  private String meUrl;

  @BeforeEach
  void start() {
    emulator = CalEmulator.start(0).registerClient(CLIENT_ID, CLIENT_SECRET);
    meUrl = emulator.baseUrl() + "/v2/me";
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void returnsTheProfileOfTheTokensUser() {
    String accessToken = TestSupport.signIn(emulator).getString("access_token");

    HttpResponse<String> response = getWithToken(meUrl, accessToken);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = json(response);
    assertThat(body.getString("status")).isEqualTo("success");
    JsonObject data = body.getJsonObject("data");
    assertThat(data.keySet())
        .containsExactlyInAnyOrder("id", "username", "email", "name", "avatarUrl", "timeZone");
    assertThat(data.getJsonNumber("id").longValue()).isEqualTo(1001);
    assertThat(data.getString("username")).isEqualTo("alice");
    assertThat(data.getString("email")).isEqualTo("alice@example.com");
    assertThat(data.getString("name")).isEqualTo("Alice Example");
    assertThat(data.getString("avatarUrl")).startsWith("https://");
    assertThat(data.getString("timeZone")).isNotBlank();
  }

  @Test
  void recordsTheCalApiVersionHeader() {
    String accessToken = TestSupport.signIn(emulator).getString("access_token");

    getWithToken(meUrl, accessToken);

    RecordedRequest request = emulator.lastRequest(Endpoint.ME);
    assertThat(request.header("cal-api-version")).isEqualTo("2024-08-13");
    assertThat(request.headers()).containsKey("cal-api-version").containsKey("authorization");
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v2/me");
  }

  @Test
  void missingOrUnknownTokenIs401() {
    HttpResponse<String> missing = get(meUrl);
    HttpResponse<String> unknown = getWithToken(meUrl, "not-a-token");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo(UNAUTHORIZED);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(UNAUTHORIZED);
  }

  @Test
  void aRefreshTokenIsNotAnAccessToken() {
    String refreshToken = TestSupport.signIn(emulator).getString("refresh_token");

    assertThat(getWithToken(meUrl, refreshToken).statusCode()).isEqualTo(401);
  }

  @Test
  void expiredAccessTokensAre401UntilRefreshed() {
    JsonObject tokens = TestSupport.signIn(emulator);
    emulator.expireAccessTokens(1001);

    HttpResponse<String> expired = getWithToken(meUrl, tokens.getString("access_token"));
    JsonObject refreshed =
        json(
            postForm(
                emulator.baseUrl() + "/api/auth/oauth/refreshToken",
                refreshForm(tokens.getString("refresh_token"))));
    HttpResponse<String> fresh = getWithToken(meUrl, refreshed.getString("access_token"));

    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).isEqualTo(UNAUTHORIZED);
    assertThat(fresh.statusCode()).isEqualTo(200);
  }

  @Test
  void accessTokensExpireAfterTheirLifetime() {
    TestSupport.MutableClock clock = new TestSupport.MutableClock(Instant.now());
    emulator.clock(clock).accessTokenLifetime(Duration.ofMinutes(5));
    String accessToken = TestSupport.signIn(emulator).getString("access_token");

    clock.advance(Duration.ofMinutes(4));
    int beforeExpiry = getWithToken(meUrl, accessToken).statusCode();
    clock.advance(Duration.ofMinutes(2));
    int afterExpiry = getWithToken(meUrl, accessToken).statusCode();

    assertThat(beforeExpiry).isEqualTo(200);
    assertThat(afterExpiry).isEqualTo(401);
  }

  @Test
  void expiringOneUsersTokensLeavesOthersAlone() {
    String alice = TestSupport.signIn(emulator).getString("access_token");
    emulator.addUser(2002, "bob", "bob@example.com", "Bob Builder").signInAs(2002);
    String bob = TestSupport.signIn(emulator).getString("access_token");

    emulator.expireAccessTokens(2002);

    assertThat(getWithToken(meUrl, alice).statusCode()).isEqualTo(200);
    assertThat(getWithToken(meUrl, bob).statusCode()).isEqualTo(401);
  }
}
