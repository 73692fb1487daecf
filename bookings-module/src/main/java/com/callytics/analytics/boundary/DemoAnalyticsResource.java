package com.callytics.analytics.boundary;

import com.callytics.analytics.control.AnalyticsCalculator;
import com.callytics.analytics.control.DemoBookings;
import com.callytics.analytics.entity.AnalyticsRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;

/**
 * The dashboard's analytics on the demo data set ({@link DemoBookings}), for anyone: {@code GET
 * /api/demo/analytics?from=&to=&tz=&eventTypeId=} answers the JSON of {@link AnalyticsJson} with
 * {@code "demo": true}. The parameters are those of {@link AnalyticsParameters}.
 */
@Path("demo/analytics")
@RequestScoped
public class DemoAnalyticsResource {

  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Inject AnalyticsParameters parameters;
  @Inject AnalyticsCalculator calculator;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response analytics(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("tz") String tz,
      @QueryParam("eventTypeId") String eventTypeId) {
    AnalyticsRequest request = parameters.parse(from, to, tz, eventTypeId);
    JsonObject analytics =
        AnalyticsJson.toJson(calculator.calculate(request, DemoBookings.generate(clock)), JSON);
    JsonObject body = JSON.createObjectBuilder(analytics).add("demo", true).build();
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }
}
