package com.callytics.analytics.boundary;

import com.callytics.analytics.control.BookingCsvWriter;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.auth.boundary.CurrentUser;
import com.callytics.bookings.control.BookingStore;
import com.callytics.bookings.entity.Booking;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * {@code GET /api/bookings/export.csv?from=&to=&tz=}: the signed-in user's stored bookings of the
 * range as CSV, streamed row by row (RFC 4180 quoting, formula injection neutralised).
 */
@Path("bookings/export.csv")
@RequestScoped
public class BookingsExportResource {

  @Inject CurrentUser currentUser;
  @Inject AnalyticsParameters parameters;
  @Inject BookingStore store;

  @GET
  public Response export(
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz) {
    String userId = currentUser.requireUserId();
    AnalyticsRequest range = parameters.parse(from, to, tz, null);
    StreamingOutput csv =
        output -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
          try (Stream<Booking> bookings = store.stream(userId, range.from(), range.to(), null)) {
            new BookingCsvWriter(writer).writeAll(bookings);
          }
          writer.flush();
        };
    return Response.ok(csv, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"callytics-bookings.csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
