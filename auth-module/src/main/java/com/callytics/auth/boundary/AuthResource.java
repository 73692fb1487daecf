package com.callytics.auth.boundary;

import com.callytics.auth.control.Accounts;
import com.callytics.auth.control.CalConfig;
import com.callytics.auth.control.Secrets;
import com.callytics.auth.control.Sessions;
import com.callytics.auth.control.SignInStates;
import com.callytics.auth.control.SignInStates.PendingSignIn;
import com.callytics.auth.entity.CalUser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/** Starting a sign-in, reading the session, signing out. */
@Path("auth")
public class AuthResource {

  @Inject CalConfig config;
  @Inject SignInStates signIns;
  @Inject Sessions sessions;
  @Inject SessionCookies cookies;
  @Inject CurrentUser currentUser;
  @Inject Accounts accounts;
  @Inject TokenService tokens;

  /** 302 to Cal.com's consent page, with a fresh state and PKCE challenge. */
  @GET
  @Path("login")
  public Response login(@QueryParam("returnTo") String returnTo) {
    if (!config.signInEnabled()) {
      return SignInPages.notConfigured();
    }
    PendingSignIn pending = signIns.begin(ReturnPaths.sanitize(returnTo));
    URI authorize =
        UriBuilder.fromUri(config.authorizeUrl())
            .queryParam("response_type", "code")
            .queryParam("client_id", config.clientId())
            .queryParam("redirect_uri", config.redirectUri())
            .queryParam("scope", config.scopes())
            .queryParam("state", pending.state())
            .queryParam("code_challenge", Secrets.pkceChallenge(pending.codeVerifier()))
            .queryParam("code_challenge_method", "S256")
            .build();
    return Response.status(Response.Status.FOUND)
        .location(authorize)
        .cookie(cookies.signIn(pending.browserBinding()))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** The signed-in user and when the session ends; 401 problem otherwise. */
  @GET
  @Path("session")
  @Produces(MediaType.APPLICATION_JSON)
  public Response session() {
    CallyticsPrincipal principal =
        currentUser.find().orElseThrow(CurrentUser.NotSignedInException::new);
    CalUser user =
        accounts.findUser(principal.userId()).orElseThrow(CurrentUser.NotSignedInException::new);
    var active =
        sessions
            .findActiveByHash(principal.sessionHash())
            .orElseThrow(CurrentUser.NotSignedInException::new);
    JsonObjectBuilder userJson = Json.createObjectBuilder().add("id", user.getId());
    addNullable(userJson, "name", user.getDisplayName());
    addNullable(userJson, "email", user.getEmail());
    addNullable(userJson, "image", user.getImageUrl());
    JsonObject body =
        Json.createObjectBuilder()
            .add("user", userJson)
            .add("expiresAt", active.expiresAt().toString())
            .build();
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }

  /** Ends the session: 204 for API callers, 303 to the landing page for a form post. */
  @POST
  @Path("logout")
  @SameOrigin
  public Response logout(@jakarta.ws.rs.core.Context HttpHeaders headers) {
    currentUser
        .find()
        .ifPresent(
            principal -> {
              sessions.delete(principal.sessionHash());
              tokens.forget(principal.userId());
            });
    boolean formPost =
        headers.getMediaType() != null
            && headers.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    Response.ResponseBuilder response =
        formPost ? Response.seeOther(URI.create(config.publicUrl() + "/")) : Response.noContent();
    return response.cookie(cookies.clearSession()).header("Cache-Control", "no-store").build();
  }

  private static void addNullable(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
