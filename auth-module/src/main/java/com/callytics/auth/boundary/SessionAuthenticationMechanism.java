package com.callytics.auth.boundary;

import com.callytics.auth.control.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Jakarta Security authentication from the session cookie: a request with a live session runs as
 * its user ({@link CallyticsPrincipal}); any other request runs anonymously, and the resources that
 * need a user answer 401 themselves.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String USER_GROUP = "user";

  @Inject Sessions sessions;
  @Inject SessionCookies cookies;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI();
    if (path.startsWith("/resources/") || path.startsWith("/webjars/")) {
      return context.doNothing();
    }
    return cookies
        .sessionValue(request)
        .flatMap(sessions::findActive)
        .map(
            session ->
                context.notifyContainerAboutLogin(
                    new CallyticsPrincipal(session.userId(), session.sessionHash()),
                    Set.of(USER_GROUP)))
        .orElseGet(context::doNothing);
  }
}
