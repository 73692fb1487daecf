package com.callytics.bookings.boundary;

import com.callytics.auth.boundary.CurrentUser;
import com.callytics.bookings.control.LiveBookings;
import com.callytics.bookings.control.cal.CalBookingsPage;
import com.callytics.bookings.entity.BookingQuery;
import com.callytics.bookings.entity.InvalidBookingQueryException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in user's bookings, live from Cal.com with the token Callytics keeps for them:
 *
 * <ul>
 *   <li>{@code GET /api/bookings} — the query and Meeting envelope of {@code GET
 *       /api/cal/bookings};
 *   <li>{@code GET /api/bookings/recent} — the 3 most recently updated, {@code {data, totalItems}};
 *   <li>{@code GET /api/bookings/summary?status=X} — {@code {status, totalItems}}.
 * </ul>
 *
 * Errors are problem details; a sign-in that Cal.com no longer accepts is a 401 with {@code reauth:
 * true}.
 */
@Path("bookings")
@RequestScoped
public class BookingsResource {

  static final int RECENT = 3;

  @Inject CurrentUser currentUser;
  @Inject LiveBookings live;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response bookings(@Context UriInfo uri) {
    String userId = currentUser.requireUserId();
    BookingQuery query = BookingQuery.parse(uri.getQueryParameters());
    CalBookingsPage page = live.page(userId, query);
    return BookingsResponses.json(Response.ok(), BookingsResponses.envelope(page, query));
  }

  @GET
  @Path("recent")
  @Produces(MediaType.APPLICATION_JSON)
  public Response recent(@Context UriInfo uri) {
    String userId = currentUser.requireUserId();
    BookingsResponses.rejectUnknownParameters(uri.getQueryParameters(), Set.of());
    BookingQuery query =
        BookingQuery.parse(Map.of("sortUpdatedAt", List.of("desc"))).withTake(RECENT);
    CalBookingsPage page = live.page(userId, query);
    JsonArrayBuilder data = Json.createArrayBuilder();
    page.bookings().forEach(booking -> data.add(MeetingJson.toJson(booking)));
    JsonObject body =
        Json.createObjectBuilder()
            .add("data", data)
            .add("totalItems", live.totalOf(userId, page, BookingQuery.empty()))
            .build();
    return BookingsResponses.json(Response.ok(), body);
  }

  @GET
  @Path("summary")
  @Produces(MediaType.APPLICATION_JSON)
  public Response summary(@Context UriInfo uri) {
    String userId = currentUser.requireUserId();
    MultivaluedMap<String, String> parameters = uri.getQueryParameters();
    BookingsResponses.rejectUnknownParameters(parameters, Set.of("status"));
    BookingQuery query =
        BookingQuery.parse(Map.of("status", parameters.getOrDefault("status", List.of())));
    if (query.statuses().isEmpty()) {
      throw new InvalidBookingQueryException(
          Map.of("status", "is required; one of " + String.join(", ", BookingQuery.STATUSES)));
    }
    JsonObject body =
        Json.createObjectBuilder()
            .add("status", String.join(",", query.statuses()))
            .add("totalItems", live.count(userId, query))
            .build();
    return BookingsResponses.json(Response.ok(), body);
  }
}
