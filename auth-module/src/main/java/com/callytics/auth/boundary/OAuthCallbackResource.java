package com.callytics.auth.boundary;

import com.callytics.auth.control.Accounts;
import com.callytics.auth.control.CalConfig;
import com.callytics.auth.control.CalOAuthClient;
import com.callytics.auth.control.CalOAuthClient.CalOAuthException;
import com.callytics.auth.control.CalOAuthClient.TokenResponse;
import com.callytics.auth.control.Sessions;
import com.callytics.auth.control.Sessions.NewSession;
import com.callytics.auth.control.SignInStates;
import com.callytics.auth.control.SignInStates.CompletedState;
import com.callytics.auth.entity.CalProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where Cal.com sends the browser back after consent (the seed's path, so existing Cal.com app
 * registrations keep working).
 */
@Path("cal/oauth/callback")
public class OAuthCallbackResource {

  private static final Logger LOG = Logger.getLogger(OAuthCallbackResource.class.getName());

  @Inject CalConfig config;
  @Inject SignInStates signIns;
  @Inject CalOAuthClient cal;
  @Inject Accounts accounts;
  @Inject Sessions sessions;
  @Inject SessionCookies cookies;
  @Inject TokenService tokens;
  @Inject Event<SignedIn> signedIn;
  @Inject Clock clock;

  @GET
  public Response callback(
      @QueryParam("code") String code,
      @QueryParam("state") String state,
      @QueryParam("error") String error,
      @Context HttpHeaders headers) {
    Optional<String> browser = cookies.signInValue(headers);
    if (error != null) {
      // Cal.com (or the user) declined; consume the state so it cannot be replayed.
      browser.ifPresent(b -> signIns.consume(state, b));
      return Response.seeOther(URI.create(config.publicUrl() + "/?signin=denied"))
          .cookie(cookies.clearSignIn())
          .header("Cache-Control", "no-store")
          .build();
    }
    Optional<CompletedState> completed = browser.flatMap(b -> signIns.consume(state, b));
    if (completed.isEmpty() || code == null || code.isBlank() || !config.signInEnabled()) {
      return SignInPages.expired();
    }
    String userId;
    try {
      TokenResponse issued = cal.exchangeCode(code, completed.get().codeVerifier());
      CalProfile profile = cal.fetchProfile(issued.accessToken());
      userId = accounts.signedIn(profile, issued);
    } catch (CalOAuthException e) {
      LOG.warning(() -> "Sign-in with Cal.com failed: " + e.getMessage());
      return SignInPages.calUnavailable();
    }
    tokens.forget(userId);
    NewSession session = sessions.create(userId);
    signedIn.fire(new SignedIn(userId));
    return Response.status(Response.Status.FOUND)
        .location(URI.create(config.publicUrl() + completed.get().returnTo()))
        .cookie(cookies.session(session.cookieValue(), session.expiresAt(), clock.instant()))
        .cookie(cookies.clearSignIn())
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
