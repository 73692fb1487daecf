package com.callytics.bookings.control.cal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Cal.com's {@code GET /v2/bookings} as a MicroProfile Rest Client, built by {@link
 * CalBookingsClient} with {@code {callytics.cal.api-url}/bookings} as its base URI. Every query
 * parameter is a list: an empty list sends nothing, one value sends {@code name=value}. The names
 * are Cal.com's.
 *
 * <p>No {@code @Path} here: the server scans the EAR's lib jars for JAX-RS resources, and would
 * take an interface with one for a resource of our own API.
 */
public interface CalBookingsApi {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  Response bookings(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("cal-api-version") String apiVersion,
      @QueryParam("status") List<String> status,
      @QueryParam("attendeeEmail") List<String> attendeeEmail,
      @QueryParam("attendeeName") List<String> attendeeName,
      @QueryParam("bookingUid") List<String> bookingUid,
      @QueryParam("eventTypeIds") List<String> eventTypeIds,
      @QueryParam("eventTypeId") List<String> eventTypeId,
      @QueryParam("teamsIds") List<String> teamsIds,
      @QueryParam("teamId") List<String> teamId,
      @QueryParam("afterStart") List<String> afterStart,
      @QueryParam("beforeEnd") List<String> beforeEnd,
      @QueryParam("afterCreatedAt") List<String> afterCreatedAt,
      @QueryParam("beforeCreatedAt") List<String> beforeCreatedAt,
      @QueryParam("afterUpdatedAt") List<String> afterUpdatedAt,
      @QueryParam("beforeUpdatedAt") List<String> beforeUpdatedAt,
      @QueryParam("sortStart") List<String> sortStart,
      @QueryParam("sortEnd") List<String> sortEnd,
      @QueryParam("sortCreated") List<String> sortCreated,
      @QueryParam("sortUpdatedAt") List<String> sortUpdatedAt,
      @QueryParam("take") List<String> take,
      @QueryParam("skip") List<String> skip);

  /** The query parameter names above, in their order. */
  List<String> PARAMETERS =
      List.of(
          "status",
          "attendeeEmail",
          "attendeeName",
          "bookingUid",
          "eventTypeIds",
          "eventTypeId",
          "teamsIds",
          "teamId",
          "afterStart",
          "beforeEnd",
          "afterCreatedAt",
          "beforeCreatedAt",
          "afterUpdatedAt",
          "beforeUpdatedAt",
          "sortStart",
          "sortEnd",
          "sortCreated",
          "sortUpdatedAt",
          "take",
          "skip");
}
