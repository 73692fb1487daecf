package com.callytics.bookings.boundary;

import com.callytics.auth.boundary.CurrentUser;
import com.callytics.auth.boundary.SameOrigin;
import com.callytics.bookings.control.SyncCoordinator;
import com.callytics.bookings.entity.SyncStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The signed-in user's booking sync: {@code GET /api/sync} tells how it stands, {@code POST
 * /api/sync} starts one (or joins the one running) and answers 202 with the status.
 */
@Path("sync")
@RequestScoped
public class SyncResource {

  @Inject CurrentUser currentUser;
  @Inject SyncCoordinator coordinator;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response status() {
    return json(Response.ok(), coordinator.status(currentUser.requireUserId()));
  }

  @POST
  @SameOrigin
  @Produces(MediaType.APPLICATION_JSON)
  public Response start() {
    return json(Response.accepted(), coordinator.requestSync(currentUser.requireUserId()));
  }

  private static Response json(Response.ResponseBuilder response, SyncStatus status) {
    return response
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(SyncJson.toJson(status).toString())
        .header("Cache-Control", "no-store")
        .build();
  }
}
