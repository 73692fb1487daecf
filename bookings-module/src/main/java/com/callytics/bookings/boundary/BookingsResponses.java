package com.callytics.bookings.boundary;

import com.callytics.bookings.control.cal.CalBookingsPage;
import com.callytics.bookings.entity.BookingQuery;
import com.callytics.bookings.entity.InvalidBookingQueryException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What the bookings endpoints have in common. */
final class BookingsResponses {

  /** Cal.com's page size when a query names none. */
  static final int DEFAULT_TAKE = 100;

  private BookingsResponses() {}

  /** The Meeting envelope of a page: Cal.com's pagination, else one computed from the query. */
  static JsonObject envelope(CalBookingsPage page, BookingQuery query) {
    return MeetingJson.envelope(
        page.bookings(),
        page.paginationFor(query.take().orElse(DEFAULT_TAKE), query.skip().orElse(0)));
  }

  static Response json(Response.ResponseBuilder response, JsonObject body) {
    return response
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString())
        .header("Cache-Control", "no-store")
        .build();
  }

  /** 400 naming every query parameter outside {@code allowed}. */
  static void rejectUnknownParameters(MultivaluedMap<String, String> given, Set<String> allowed) {
    Map<String, String> errors = new LinkedHashMap<>();
    new TreeSet<>(given.keySet())
        .stream()
            .filter(name -> !allowed.contains(name))
            .forEach(name -> errors.put(name, "unknown parameter"));
    if (!errors.isEmpty()) {
      throw new InvalidBookingQueryException(errors);
    }
  }
}
