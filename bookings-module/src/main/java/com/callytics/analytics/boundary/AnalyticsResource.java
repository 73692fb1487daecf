package com.callytics.analytics.boundary;

import com.callytics.analytics.control.AnalyticsCalculator;
import com.callytics.analytics.entity.Analytics;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.auth.boundary.CurrentUser;
import com.callytics.bookings.control.BookingStore;
import com.callytics.bookings.control.ReadAhead;
import com.callytics.bookings.control.ServerThreads;
import com.callytics.bookings.control.SyncCoordinator;
import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.SyncStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signed-in user's analytics over their stored booking history: {@code GET
 * /api/analytics?from=&to=&tz=&eventTypeId=} answers the JSON of {@link AnalyticsJson} plus a
 * {@code freshness} object. When the store is older than {@code callytics.sync.max-age} a sync is
 * started first, and the answer waits for it at most {@code callytics.analytics.sync-wait}.
 */
@Path("analytics")
@RequestScoped
public class AnalyticsResource {

  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
  private static final int READ_AHEAD_BATCH = 500;

  @Inject CurrentUser currentUser;
  @Inject AnalyticsParameters parameters;
  @Inject AnalyticsCalculator calculator;
  @Inject BookingStore store;
  @Inject SyncCoordinator sync;
  @Inject ServerThreads serverThreads;

  @Inject
  @ConfigProperty(name = "callytics.analytics.sync-wait", defaultValue = "PT3S")
  Duration syncWait;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response analytics(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("tz") String tz,
      @QueryParam("eventTypeId") String eventTypeId) {
    String userId = currentUser.requireUserId();
    AnalyticsRequest request = parameters.parse(from, to, tz, eventTypeId);
    SyncStatus freshness = sync.ensureFresh(userId, syncWait);
    Analytics analytics;
    // the previous period of equal length is read too, for the "change" of every KPI; read on a
    // second thread while this one calculates
    Instant readFrom = request.hasRange() ? request.previousFrom() : request.from();
    try (Stream<Booking> bookings =
        ReadAhead.of(
            () -> store.streamInAnyOrder(userId, readFrom, request.to(), request.eventTypeId()),
            serverThreads,
            READ_AHEAD_BATCH)) {
      analytics = calculator.calculate(request, bookings);
    }
    JsonObjectBuilder body = JSON.createObjectBuilder(AnalyticsJson.toJson(analytics, JSON));
    body.add("freshness", freshness(freshness));
    return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }

  private static JsonObjectBuilder freshness(SyncStatus status) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("state", status.state().apiValue())
            .add("syncing", status.isRunning())
            .add("storedBookings", status.storedBookings());
    if (status.lastSyncedAt() != null) {
      json.add("lastSyncedAt", status.lastSyncedAt().toString());
    } else {
      json.addNull("lastSyncedAt");
    }
    return json;
  }
}
