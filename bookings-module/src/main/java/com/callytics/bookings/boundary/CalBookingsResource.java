package com.callytics.bookings.boundary;

import com.callytics.bookings.control.cal.CalBookingsClient;
import com.callytics.bookings.control.cal.CalBookingsException;
import com.callytics.bookings.control.cal.CalBookingsPage;
import com.callytics.bookings.control.cal.CalRateLimitedException;
import com.callytics.bookings.control.cal.CalTokenRejectedException;
import com.callytics.bookings.control.cal.UnsupportedResponseShapeException;
import com.callytics.bookings.entity.BookingQuery;
import com.callytics.bookings.entity.InvalidBookingQueryException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/cal/bookings}: the seed's bookings route for API users. The caller's own Cal.com
 * access token ({@code Authorization: Bearer <token>}) is passed on to Cal.com for this one
 * request, never stored or logged; the validated query goes with it. The answer is the Meeting
 * envelope; every error keeps the envelope's shape, with {@code status: "error"}.
 */
@Path("cal/bookings")
@RequestScoped
public class CalBookingsResource {

  static final String MISSING_AUTHORIZATION =
      "Missing or invalid Authorization header. Expected `Bearer <token>`.";
  static final String INVALID_QUERY = "Invalid query parameters.";

  private static final Pattern BEARER = Pattern.compile("Bearer +(\\S+)", Pattern.CASE_INSENSITIVE);
  private static final int UNAUTHORIZED = 401;
  private static final int BAD_REQUEST = 400;

  @Inject CalBookingsClient cal;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response bookings(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
    Optional<String> token = bearerToken(authorization);
    if (token.isEmpty()) {
      return Response.fromResponse(error(UNAUTHORIZED, MISSING_AUTHORIZATION, null))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .build();
    }
    BookingQuery query;
    try {
      query = BookingQuery.parse(uri.getQueryParameters());
    } catch (InvalidBookingQueryException e) {
      JsonObjectBuilder details = Json.createObjectBuilder();
      e.errors().forEach(details::add);
      return error(BAD_REQUEST, INVALID_QUERY, details.build());
    }
    try {
      CalBookingsPage page = cal.fetch(token.get(), query);
      return BookingsResponses.json(Response.ok(), BookingsResponses.envelope(page, query));
    } catch (CalTokenRejectedException e) {
      return error(UNAUTHORIZED, CalBookingsException.MESSAGE, e.findCalBody().orElse(null));
    } catch (CalRateLimitedException e) {
      return Response.fromResponse(
              error(e.status(), CalBookingsException.MESSAGE, e.findCalBody().orElse(null)))
          .header("Retry-After", e.retryAfter().toSeconds())
          .build();
    } catch (CalBookingsException e) {
      return error(e.status(), CalBookingsException.MESSAGE, e.findCalBody().orElse(null));
    } catch (UnsupportedResponseShapeException e) {
      return error(e.status(), e.detail(), null);
    }
  }

  /** The token of {@code Bearer <token>} (scheme in any case); empty for anything else. */
  static Optional<String> bearerToken(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    Matcher bearer = BEARER.matcher(authorization.strip());
    return bearer.matches() ? Optional.of(bearer.group(1)) : Optional.empty();
  }

  private static Response error(int status, String message, JsonValue details) {
    return BookingsResponses.json(
        Response.status(status), MeetingJson.errorEnvelope(message, details));
  }
}
