package com.callytics.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Everything Callytics needs to know about the Cal.com it talks to (MicroProfile Config). */
@ApplicationScoped
public class CalConfig {

  @Inject
  @ConfigProperty(name = "callytics.cal.client-id")
  Optional<String> clientId;

  @Inject
  @ConfigProperty(name = "callytics.cal.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "callytics.cal.app-url", defaultValue = "https://app.cal.com")
  String appUrl;

  @Inject
  @ConfigProperty(name = "callytics.cal.authorize-url")
  Optional<String> authorizeUrl;

  @Inject
  @ConfigProperty(name = "callytics.cal.token-url")
  Optional<String> tokenUrl;

  @Inject
  @ConfigProperty(name = "callytics.cal.refresh-url")
  Optional<String> refreshUrl;

  @Inject
  @ConfigProperty(name = "callytics.cal.api-url", defaultValue = "https://api.cal.com/v2")
  String apiUrl;

  @Inject
  @ConfigProperty(name = "callytics.cal.api-version", defaultValue = "2024-08-13")
  String apiVersion;

  @Inject
  @ConfigProperty(name = "callytics.cal.scopes", defaultValue = "READ_BOOKING,READ_PROFILE")
  String scopes;

  @Inject
  @ConfigProperty(name = "callytics.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "callytics.cal.redirect-uri")
  Optional<String> redirectUri;

  @Inject
  @ConfigProperty(name = "callytics.http.connect-timeout", defaultValue = "PT5S")
  String connectTimeout;

  @Inject
  @ConfigProperty(name = "callytics.http.read-timeout", defaultValue = "PT15S")
  String readTimeout;

  public CalConfig() {}

  /** For unit tests: every URL derived from the two base URLs, as with an empty configuration. */
  public static CalConfig of(
      String appUrl, String apiUrl, String clientId, String clientSecret, String publicUrl) {
    CalConfig config = new CalConfig();
    config.clientId = Optional.ofNullable(clientId);
    config.clientSecret = Optional.ofNullable(clientSecret);
    config.appUrl = appUrl;
    config.authorizeUrl = Optional.empty();
    config.tokenUrl = Optional.empty();
    config.refreshUrl = Optional.empty();
    config.apiUrl = apiUrl;
    config.apiVersion = "2024-08-13";
    config.scopes = "READ_BOOKING,READ_PROFILE";
    config.publicUrl = publicUrl;
    config.redirectUri = Optional.empty();
    config.connectTimeout = "PT5S";
    config.readTimeout = "PT15S";
    return config;
  }

  /** For unit tests: a shorter read timeout. */
  public void readTimeoutForTests(Duration timeout) {
    this.readTimeout = timeout.toString();
  }

  /** Sign-in needs a registered Cal.com OAuth client; without one only the demo works. */
  public boolean signInEnabled() {
    return clientId.filter(s -> !s.isBlank()).isPresent()
        && clientSecret.filter(s -> !s.isBlank()).isPresent();
  }

  public String clientId() {
    return clientId.orElseThrow(() -> new IllegalStateException("callytics.cal.client-id"));
  }

  public String clientSecret() {
    return clientSecret.orElseThrow(() -> new IllegalStateException("callytics.cal.client-secret"));
  }

  public URI authorizeUrl() {
    return URI.create(authorizeUrl.orElse(trim(appUrl) + "/auth/oauth2/authorize"));
  }

  public URI tokenUrl() {
    return URI.create(tokenUrl.orElse(trim(appUrl) + "/api/auth/oauth/token"));
  }

  public URI refreshUrl() {
    return URI.create(refreshUrl.orElse(trim(appUrl) + "/api/auth/oauth/refreshToken"));
  }

  public String apiUrl() {
    return trim(apiUrl);
  }

  public String apiVersion() {
    return apiVersion;
  }

  public String scopes() {
    return scopes;
  }

  public String publicUrl() {
    return trim(publicUrl);
  }

  public boolean isHttps() {
    return publicUrl().startsWith("https://");
  }

  /** Exactly the registered value, whatever Host header a request came with. */
  public String redirectUri() {
    return redirectUri.orElse(publicUrl() + "/api/cal/oauth/callback");
  }

  public Duration connectTimeout() {
    return Duration.parse(connectTimeout);
  }

  public Duration readTimeout() {
    return Duration.parse(readTimeout);
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
