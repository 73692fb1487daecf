package com.callytics.web.boundary;

import com.callytics.auth.control.CalConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** What the landing page needs to know: whether sign-in is possible, and how the last one went. */
@Named
@RequestScoped
public class LandingBacking {

  @Inject CalConfig calConfig;
  @Inject HttpServletRequest request;

  /** Whether a Cal.com OAuth client is configured, so that "Sign in with Cal.com" can work. */
  public boolean isSignInEnabled() {
    return calConfig.signInEnabled();
  }

  /**
   * Whether the user came back from a sign-in they declined ({@code ?signin=denied}). Only this one
   * known value is recognised; the query text itself is never shown.
   */
  public boolean isSignInDenied() {
    return "denied".equals(request.getParameter("signin"));
  }
}
