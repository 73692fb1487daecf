package com.callytics.auth.boundary;

import com.callytics.auth.control.CalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The cookies of sign-in: {@code callytics_session} ({@code __Host-callytics_session} behind
 * https), HttpOnly, SameSite=Lax, Path=/, no Domain, Secure behind https; and the short-lived
 * browser binding of a sign-in in progress.
 */
@ApplicationScoped
public class SessionCookies {

  static final String SESSION = "callytics_session";
  static final String SIGN_IN = "callytics_signin";

  @Inject CalConfig config;

  public String sessionCookieName() {
    return config.isHttps() ? "__Host-" + SESSION : SESSION;
  }

  String signInCookieName() {
    return config.isHttps() ? "__Host-" + SIGN_IN : SIGN_IN;
  }

  public Optional<String> sessionValue(HttpServletRequest request) {
    return value(request, sessionCookieName());
  }

  Optional<String> signInValue(jakarta.ws.rs.core.HttpHeaders headers) {
    var cookie = headers.getCookies().get(signInCookieName());
    return Optional.ofNullable(cookie).map(jakarta.ws.rs.core.Cookie::getValue);
  }

  NewCookie session(String value, Instant expiresAt, Instant now) {
    return cookie(sessionCookieName(), value, (int) Duration.between(now, expiresAt).toSeconds());
  }

  NewCookie clearSession() {
    return cookie(sessionCookieName(), "", 0);
  }

  NewCookie signIn(String value) {
    return cookie(signInCookieName(), value, 600);
  }

  NewCookie clearSignIn() {
    return cookie(signInCookieName(), "", 0);
  }

  private NewCookie cookie(String name, String value, int maxAge) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(config.isHttps())
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  private static Optional<String> value(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())
          && cookie.getValue() != null
          && !cookie.getValue().isEmpty()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }
}
