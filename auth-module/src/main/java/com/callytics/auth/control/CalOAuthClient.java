package com.callytics.auth.control;

import com.callytics.auth.entity.CalProfile;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cal.com's OAuth endpoints and profile, and the only code that knows their JSON. Uses the JDK HTTP
 * client so that redirects are never followed and every call has the configured connect and read
 * timeouts. Exception messages never contain a token, code or secret.
 */
@ApplicationScoped
public class CalOAuthClient {

  /** {@code expires_in} beyond this is not believed (one year). */
  static final long MAX_EXPIRES_IN_SECONDS = 365L * 24 * 3600;

  @Inject CalConfig config;
  @Inject Clock clock;

  private HttpClient http;

  public CalOAuthClient() {}

  public CalOAuthClient(CalConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    init();
  }

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.connectTimeout())
            .build();
  }

  /** Exchanges an authorization code (with its PKCE verifier) for tokens. */
  public TokenResponse exchangeCode(String code, String codeVerifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("client_id", config.clientId());
    form.put("client_secret", config.clientSecret());
    form.put("redirect_uri", config.redirectUri());
    form.put("code_verifier", codeVerifier);
    return tokenCall(config.tokenUrl(), form, null);
  }

  /**
   * Refreshes tokens. The refresh token goes in the form body (newer Cal.com) and as a Bearer
   * header (older Cal.com), so every version accepts the request.
   */
  public TokenResponse refresh(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", config.clientId());
    form.put("client_secret", config.clientSecret());
    return tokenCall(config.refreshUrl(), form, refreshToken);
  }

  /** {@code GET {api-url}/me}. */
  public CalProfile fetchProfile(String accessToken) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.apiUrl() + "/me"))
            .timeout(config.readTimeout())
            .header("Authorization", "Bearer " + accessToken)
            .header("cal-api-version", config.apiVersion())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response = send(request, "profile");
    JsonObject body = jsonObject(response, "profile");
    JsonValue data = body.get("data");
    if (!(data instanceof JsonObject profile) || !(profile.get("id") instanceof JsonNumber id)) {
      throw invalid(response.statusCode(), "the profile response has no data.id");
    }
    String avatar = text(profile, "avatarUrl");
    return new CalProfile(
        id.longValue(),
        text(profile, "username"),
        text(profile, "email"),
        text(profile, "name"),
        avatar != null ? avatar : text(profile, "avatar_url"));
  }

  private TokenResponse tokenCall(URI url, Map<String, String> form, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(config.readTimeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response = send(request.build(), "token");
    Instant receivedAt = clock.instant();
    JsonObject body = jsonObject(response, "token");
    if (!(body.get("access_token") instanceof JsonString access) || access.getString().isBlank()) {
      throw invalid(response.statusCode(), "the token response has no access_token");
    }
    JsonValue refresh = body.get("refresh_token");
    if (refresh != null && refresh != JsonValue.NULL && !(refresh instanceof JsonString)) {
      throw invalid(response.statusCode(), "refresh_token is not a string");
    }
    Long expiresIn = null;
    JsonValue expires = body.get("expires_in");
    if (expires != null && expires != JsonValue.NULL) {
      if (!(expires instanceof JsonNumber number)
          || number.doubleValue() <= 0
          || number.doubleValue() > MAX_EXPIRES_IN_SECONDS) {
        throw invalid(response.statusCode(), "expires_in is not a sensible positive number");
      }
      expiresIn = number.longValue();
    }
    String tokenType = text(body, "token_type");
    if (tokenType != null && !tokenType.equalsIgnoreCase("bearer")) {
      throw invalid(response.statusCode(), "token_type is not bearer");
    }
    String newRefresh =
        refresh instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    return new TokenResponse(
        access.getString(), newRefresh, expiresIn, tokenType, text(body, "scope"), receivedAt);
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new CalOAuthException(
          CalOAuthException.Kind.UNAVAILABLE, 0, "Cal.com " + what + " call timed out");
    } catch (IOException e) {
      throw new CalOAuthException(
          CalOAuthException.Kind.UNAVAILABLE,
          0,
          "Cal.com " + what + " call failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CalOAuthException(CalOAuthException.Kind.UNAVAILABLE, 0, "interrupted");
    }
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      throw invalid(status, "Cal.com answered the " + what + " call with a redirect");
    }
    if (status == 429 || status >= 500) {
      throw new CalOAuthException(
          CalOAuthException.Kind.UNAVAILABLE,
          status,
          "Cal.com " + what + " call answered " + status);
    }
    if (status == 400 || status == 401 || status == 403) {
      throw new CalOAuthException(
          CalOAuthException.Kind.REJECTED,
          status,
          "Cal.com refused the " + what + " call (" + status + ")");
    }
    if (status != 200 && status != 201) {
      throw invalid(status, "Cal.com answered the " + what + " call with " + status);
    }
    return response;
  }

  private static JsonObject jsonObject(HttpResponse<String> response, String what) {
    String contentType =
        response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (contentType.contains("html")) {
      throw invalid(response.statusCode(), "the " + what + " response is HTML, not JSON");
    }
    try {
      JsonValue value = Json.createReader(new StringReader(response.body())).readValue();
      if (value instanceof JsonObject object) {
        return object;
      }
    } catch (jakarta.json.JsonException e) {
      // fall through
    }
    throw invalid(response.statusCode(), "the " + what + " response is not a JSON object");
  }

  private static CalOAuthException invalid(int status, String message) {
    return new CalOAuthException(CalOAuthException.Kind.INVALID_RESPONSE, status, message);
  }

  private static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** What Cal.com issued. {@code expiresIn} in seconds, null when not given. */
  public record TokenResponse(
      String accessToken,
      String refreshToken,
      Long expiresIn,
      String tokenType,
      String scope,
      Instant receivedAt) {

    @Override
    public String toString() {
      return "TokenResponse[expiresIn=" + expiresIn + ", rotated=" + (refreshToken != null) + "]";
    }
  }

  /** A failed call to Cal.com; the message is safe to log. */
  public static class CalOAuthException extends RuntimeException {

    /**
     * REJECTED: 400/401/403; UNAVAILABLE: 5xx, 429, timeout, I/O; INVALID_RESPONSE: anything odd.
     */
    public enum Kind {
      REJECTED,
      UNAVAILABLE,
      INVALID_RESPONSE
    }

    private final Kind kind;
    private final int status;

    public CalOAuthException(Kind kind, int status, String message) {
      super(message);
      this.kind = kind;
      this.status = status;
    }

    public Kind kind() {
      return kind;
    }

    public int status() {
      return status;
    }
  }
}
