package com.callytics.auth.boundary;

import com.callytics.auth.control.Accounts;
import com.callytics.auth.control.CalOAuthClient;
import com.callytics.auth.control.CalOAuthClient.CalOAuthException;
import com.callytics.auth.entity.CalProfile;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The signed-in user's account: their live Cal.com profile, and "delete my data". */
@Path("account")
public class AccountResource {

  @Inject CurrentUser currentUser;
  @Inject Accounts accounts;
  @Inject TokenService tokens;
  @Inject CalOAuthClient cal;
  @Inject SessionCookies cookies;

  /**
   * The profile as Cal.com reports it now, read with the user's (refreshed when needed) access
   * token.
   */
  @GET
  @Path("cal-profile")
  @Produces(MediaType.APPLICATION_JSON)
  public Response calProfile() {
    String userId = currentUser.requireUserId();
    CalProfile profile =
        tokens.callWithToken(
            userId,
            token -> {
              try {
                return cal.fetchProfile(token);
              } catch (CalOAuthException e) {
                if (e.status() == 401) {
                  throw new AccessTokenRejectedException();
                }
                throw new com.callytics.platform.boundary.ProblemException(
                    e.kind() == CalOAuthException.Kind.UNAVAILABLE ? 503 : 502,
                    "Cal.com is unavailable",
                    "Cal.com did not answer the profile request. Try again shortly.");
              }
            });
    var body = Json.createObjectBuilder().add("id", profile.id());
    if (profile.username() != null) body.add("username", profile.username());
    if (profile.email() != null) body.add("email", profile.email());
    if (profile.name() != null) body.add("name", profile.name());
    return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }

  /** Disconnects Cal.com and deletes everything Callytics holds about the user. */
  @DELETE
  @SameOrigin
  public Response delete() {
    String userId = currentUser.requireUserId();
    accounts.delete(userId);
    tokens.forget(userId);
    return Response.noContent().cookie(cookies.clearSession()).build();
  }
}
