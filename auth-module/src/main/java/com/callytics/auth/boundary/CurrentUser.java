package com.callytics.auth.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;

/** The signed-in caller of this request, as Jakarta Security established it. */
@RequestScoped
public class CurrentUser {

  @Inject SecurityContext security;

  public Optional<CallyticsPrincipal> find() {
    return security.getPrincipalsByType(CallyticsPrincipal.class).stream().findFirst();
  }

  /** Our user id; 401 problem when nobody is signed in. */
  public String requireUserId() {
    return find().map(CallyticsPrincipal::userId).orElseThrow(NotSignedInException::new);
  }

  /** 401: the request carries no live session. */
  public static class NotSignedInException
      extends com.callytics.platform.boundary.ProblemException {
    public NotSignedInException() {
      super(401, "Unauthorized", "Sign in with Cal.com to use this resource.");
    }
  }
}
