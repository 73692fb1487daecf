package com.callytics.emulator;

import static com.callytics.emulator.TestSupport.CLIENT_ID;
import static com.callytics.emulator.TestSupport.CLIENT_SECRET;
import static com.callytics.emulator.TestSupport.getWithToken;
import static com.callytics.emulator.TestSupport.json;
import static com.callytics.emulator.TestSupport.postForm;
import static com.callytics.emulator.TestSupport.refreshForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.emulator.CalEmulator.Endpoint;
import com.callytics.emulator.CalEmulator.RefreshTokenSource;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {
  private CalEmulator emulator;
  private String refreshUrl;
  private JsonObject tokens;

  @BeforeEach
  void start() {
    emulator = CalEmulator.start(0).registerClient(CLIENT_ID, CLIENT_SECRET);
    refreshUrl = emulator.baseUrl() + "/api/auth/oauth/refreshToken";
    tokens = TestSupport.signIn(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String refreshToken() {
    return tokens.getString("refresh_token");
  }

  @Test
  void refreshWithTheTokenInTheBody() {
    HttpResponse<String> response = postForm(refreshUrl, refreshForm(refreshToken()));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = json(response);
    assertThat(body.getString("token_type")).isEqualTo("bearer");
    assertThat(body.getInt("expires_in")).isEqualTo(1800);
    assertThat(body.getString("access_token")).isNotEqualTo(tokens.getString("access_token"));
    assertThat(
            getWithToken(emulator.baseUrl() + "/v2/me", body.getString("access_token"))
                .statusCode())
        .isEqualTo(200);
    assertThat(emulator.issuedSecrets())
        .contains(body.getString("access_token"), body.getString("refresh_token"));
  }

  @Test
  void refreshWithTheTokenAsBearerHeader() {
    HttpResponse<String> response =
        postForm(refreshUrl, refreshForm(null), "Authorization", "Bearer " + refreshToken());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).getString("access_token")).isNotBlank();
    assertThat(emulator.lastRequest(Endpoint.REFRESH).header("Authorization"))
        .isEqualTo("Bearer " + refreshToken());
  }

  @Test
  void headerOnlyModeRefusesABodyOnlyRequestButTakesTheHeader() {
    emulator.refreshTokenSource(RefreshTokenSource.HEADER_ONLY);

    HttpResponse<String> bodyOnly = postForm(refreshUrl, refreshForm(refreshToken()));
    HttpResponse<String> header =
        postForm(refreshUrl, refreshForm(null), "Authorization", "Bearer " + refreshToken());

    assertThat(bodyOnly.statusCode()).isEqualTo(400);
    assertThat(json(bodyOnly).getString("error")).isEqualTo("invalid_grant");
    assertThat(header.statusCode()).isEqualTo(200);
  }

  @Test
  void bodyOnlyModeRefusesAHeaderOnlyRequest() {
    emulator.refreshTokenSource(RefreshTokenSource.BODY_ONLY);

    HttpResponse<String> headerOnly =
        postForm(refreshUrl, refreshForm(null), "Authorization", "Bearer " + refreshToken());
    HttpResponse<String> body = postForm(refreshUrl, refreshForm(refreshToken()));

    assertThat(headerOnly.statusCode()).isEqualTo(400);
    assertThat(body.statusCode()).isEqualTo(200);
  }

  @Test
  void theBodyWinsOverTheHeader() {
    HttpResponse<String> response =
        postForm(
            refreshUrl, refreshForm(refreshToken()), "Authorization", "Bearer not-a-real-token");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void rotationIssuesANewRefreshTokenAndRevokesTheOldOne() {
    JsonObject first = json(postForm(refreshUrl, refreshForm(refreshToken())));

    HttpResponse<String> reuse = postForm(refreshUrl, refreshForm(refreshToken()));
    HttpResponse<String> next = postForm(refreshUrl, refreshForm(first.getString("refresh_token")));

    assertThat(first.getString("refresh_token")).isNotEqualTo(refreshToken());
    assertThat(reuse.statusCode()).isEqualTo(400);
    assertThat(json(reuse).getString("error")).isEqualTo("invalid_grant");
    assertThat(next.statusCode()).isEqualTo(200);
  }

  @Test
  void withoutRotationTheSameRefreshTokenKeepsWorking() {
    emulator.rotateRefreshTokens(false);

    JsonObject first = json(postForm(refreshUrl, refreshForm(refreshToken())));
    HttpResponse<String> second = postForm(refreshUrl, refreshForm(refreshToken()));

    assertThat(first.getString("refresh_token")).isEqualTo(refreshToken());
    assertThat(second.statusCode()).isEqualTo(200);
  }

  @Test
  void expiresInCanBeOmittedOrChanged() {
    emulator.omitExpiresIn(true);
    JsonObject omitted = json(postForm(refreshUrl, refreshForm(refreshToken())));
    emulator.omitExpiresIn(false).accessTokenLifetime(Duration.ofSeconds(90));
    JsonObject shorter =
        json(postForm(refreshUrl, refreshForm(omitted.getString("refresh_token"))));

    assertThat(omitted.containsKey("expires_in")).isFalse();
    assertThat(omitted.getString("access_token")).isNotBlank();
    assertThat(shorter.getInt("expires_in")).isEqualTo(90);
  }

  @Test
  void revokedRefreshTokensAreInvalidGrants() {
    emulator.revokeRefreshTokens(CalEmulator.DEFAULT_USER_ID);

    HttpResponse<String> response = postForm(refreshUrl, refreshForm(refreshToken()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).getString("error")).isEqualTo("invalid_grant");
  }

  @Test
  void unknownAndExpiredRefreshTokensAreInvalidGrants() {
    TestSupport.MutableClock clock = new TestSupport.MutableClock(Instant.now());
    emulator.clock(clock).refreshTokenLifetime(Duration.ofHours(1));
    JsonObject shortLived = TestSupport.signIn(emulator);
    clock.advance(Duration.ofHours(2));

    HttpResponse<String> expired =
        postForm(refreshUrl, refreshForm(shortLived.getString("refresh_token")));
    HttpResponse<String> unknown = postForm(refreshUrl, refreshForm("no-such-token"));

    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(json(expired).getString("error_description")).contains("expired");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).getString("error")).isEqualTo("invalid_grant");
  }

  @Test
  void wrongClientSecretIsAnInvalidClient() {
    Map<String, String> form = refreshForm(refreshToken());
    form.put("client_secret", "nope");

    HttpResponse<String> response = postForm(refreshUrl, form);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).getString("error")).isEqualTo("invalid_client");
  }

  @Test
  void grantTypeMustBeRefreshToken() {
    Map<String, String> form = refreshForm(refreshToken());
    form.put("grant_type", "authorization_code");

    assertThat(postForm(refreshUrl, form).statusCode()).isEqualTo(400);
  }

  @Test
  void fiftyConcurrentRefreshesPileUpAndOnlyOneWinsWithRotation() {
    emulator.setDelay(Endpoint.REFRESH, Duration.ofMillis(1500));
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      calls.add(
          TestSupport.HTTP.sendAsync(
              TestSupport.formRequest(refreshUrl, refreshForm(refreshToken())),
              HttpResponse.BodyHandlers.ofString()));
    }

    TestSupport.await(
        () -> emulator.calls(Endpoint.REFRESH) == 50, Duration.ofSeconds(10), "50 refresh calls");
    assertThat(calls).noneMatch(CompletableFuture::isDone);
    List<Integer> statuses = calls.stream().map(f -> f.join().statusCode()).toList();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(statuses).containsOnly(200, 400);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
    assertThat(elapsed).isLessThan(Duration.ofSeconds(15));
  }
}
