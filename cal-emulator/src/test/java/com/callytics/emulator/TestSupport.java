package com.callytics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Helpers shared by the emulator tests. */
final class TestSupport {
  private TestSupport() {}

  static final String CLIENT_ID = "callytics-it";
  static final String CLIENT_SECRET = "it-client-secret-not-real";
  static final String REDIRECT_URI = "http://127.0.0.1:8080/api/auth/callback";

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final SecureRandom RANDOM = new SecureRandom();

  static HttpResponse<String> get(String url, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.GET().build());
  }

  static HttpResponse<String> getWithToken(String url, String accessToken) {
    return get(url, "Authorization", "Bearer " + accessToken, "cal-api-version", "2024-08-13");
  }

  static HttpResponse<String> postForm(String url, Map<String, String> form, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
  }

  static HttpRequest formRequest(String url, Map<String, String> form, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return b.POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build();
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonObject json(HttpResponse<String> response) {
    return (JsonObject) parse(response.body());
  }

  static JsonStructure parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }

  static Map<String, String> queryOf(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static String newVerifier() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String challengeOf(String verifier) {
    return CalEmulator.s256(verifier);
  }

  static String authorizeUrl(CalEmulator emulator, String clientId, String verifier, String state) {
    return emulator.baseUrl()
        + "/auth/oauth2/authorize?client_id="
        + enc(clientId)
        + "&redirect_uri="
        + enc(REDIRECT_URI)
        + "&response_type=code&scope="
        + enc("READ_BOOKING READ_PROFILE")
        + "&state="
        + enc(state)
        + "&code_challenge="
        + challengeOf(verifier)
        + "&code_challenge_method=S256";
  }

  /** Runs the auto-approved authorize step and returns the code. */
  static String authorizeCode(CalEmulator emulator, String verifier) {
    emulator.autoApprove(true);
    HttpResponse<String> response = get(authorizeUrl(emulator, CLIENT_ID, verifier, "st"));
    assertThat(response.statusCode()).isEqualTo(302);
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    return queryOf(location).get("code");
  }

  static Map<String, String> tokenForm(String code, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("client_id", CLIENT_ID);
    form.put("client_secret", CLIENT_SECRET);
    form.put("redirect_uri", REDIRECT_URI);
    form.put("code_verifier", verifier);
    return form;
  }

  /** Full sign-in for the currently signed-in user: the token response. */
  static JsonObject signIn(CalEmulator emulator) {
    String verifier = newVerifier();
    String code = authorizeCode(emulator, verifier);
    HttpResponse<String> response =
        postForm(emulator.baseUrl() + "/api/auth/oauth/token", tokenForm(code, verifier));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  static Map<String, String> refreshForm(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", CLIENT_ID);
    form.put("client_secret", CLIENT_SECRET);
    if (refreshToken != null) {
      form.put("refresh_token", refreshToken);
    }
    return form;
  }

  /** Polls until the condition holds, failing after the bound. */
  static void await(BooleanSupplier condition, Duration bound, String what) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + bound + " waiting for " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  /** A clock tests can move. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
