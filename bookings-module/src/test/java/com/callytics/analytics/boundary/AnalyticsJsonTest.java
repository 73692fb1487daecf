package com.callytics.analytics.boundary;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.control.AnalyticsCalculator;
import com.callytics.analytics.control.DemoBookings;
import com.callytics.analytics.entity.Analytics;
import com.callytics.analytics.entity.AnalyticsRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsJsonTest {

  static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");

  final AnalyticsCalculator calculator = new AnalyticsCalculator();

  JsonObject demo() {
    AnalyticsRequest lastQuarter =
        new AnalyticsRequest(
            NOW.minus(Duration.ofDays(90)), NOW, ZoneId.of("Europe/Berlin"), null, NOW);
    return AnalyticsJson.toJson(
        calculator.calculate(lastQuarter, DemoBookings.generate(Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  @Test
  void everySectionOfTheDashboardIsThere() {
    JsonObject json = demo();

    assertThat(json.keySet())
        .containsExactly(
            "range",
            "overview",
            "recent",
            "timeOfDay",
            "byHour",
            "heatmap",
            "statusDistribution",
            "durations",
            "timeline",
            "platforms",
            "hosts",
            "insights",
            "leadTime");
    assertThat(json.getJsonObject("range").keySet())
        .containsExactly("from", "to", "zone", "eventTypeId", "now");
    assertThat(json.getJsonObject("overview").keySet())
        .containsExactly(
            "total",
            "accepted",
            "cancelled",
            "acceptanceRate",
            "totalHours",
            "uniqueParticipants",
            "meetingsThisWeek",
            "changes");
    assertThat(json.getJsonObject("overview").getJsonObject("changes").keySet())
        .containsExactly(
            "total", "accepted", "cancelled", "acceptanceRate", "totalHours", "uniqueParticipants");
    assertThat(
            json.getJsonObject("overview").getJsonObject("changes").getJsonObject("total").keySet())
        .containsExactly("current", "previous", "change", "changePercent");
    assertThat(json.getJsonArray("recent")).hasSize(5);
    assertThat(json.getJsonArray("recent").getJsonObject(0).keySet())
        .containsExactly(
            "uid",
            "title",
            "status",
            "start",
            "end",
            "duration",
            "eventType",
            "hosts",
            "attendees",
            "meetingUrl",
            "location",
            "platform",
            "platformKey",
            "cancellationReason",
            "reschedulingReason",
            "rescheduledFromUid",
            "rescheduledToUid",
            "rating",
            "absentHost");
    assertThat(json.getJsonObject("timeOfDay").keySet())
        .containsExactly("morning", "afternoon", "evening", "night");
    assertThat(json.getJsonArray("byHour")).hasSize(24);
    assertThat(json.getJsonArray("heatmap"))
        .hasSize(7)
        .allSatisfy(row -> assertThat(row.asJsonArray()).hasSize(24));
    assertThat(json.getJsonArray("statusDistribution").getJsonObject(0).keySet())
        .containsExactly("status", "count", "percent");
    assertThat(json.getJsonObject("durations").keySet())
        .containsExactly("byDuration", "averageDuration", "mostCommonDuration");
    assertThat(json.getJsonObject("timeline").keySet())
        .containsExactly("granularity", "periods", "averagePerMonth", "trend", "peak");
    assertThat(json.getJsonObject("timeline").getString("granularity")).isEqualTo("week");
    assertThat(json.getJsonObject("timeline").getJsonArray("periods").getJsonObject(0).keySet())
        .containsExactly("label", "start", "total", "accepted", "cancelled");
    assertThat(json.getJsonObject("platforms").getJsonArray("byPlatform"))
        .extracting(p -> p.asJsonObject().getString("platform"))
        .containsExactly("Google Meet", "Zoom", "Cal.com Video", "Other");
    assertThat(json.getJsonObject("hosts").keySet())
        .containsExactly("top", "hostCount", "mostActive", "totalHostHours");
    assertThat(json.getJsonObject("hosts").getJsonArray("top").getJsonObject(0).keySet())
        .containsExactly("name", "email", "total", "accepted", "cancelled", "hours", "successRate");
    assertThat(json.getJsonObject("insights").keySet())
        .containsExactly(
            "completed",
            "upcoming",
            "rescheduled",
            "hostNoShows",
            "guestNoShows",
            "bookingsWithGuestNoShows",
            "averageRating",
            "ratingsCount",
            "csat",
            "topEventTypes",
            "topCancellationReasons");
    assertThat(json.getJsonObject("leadTime").keySet())
        .containsExactly("count", "medianHours", "distribution", "shareUnder24h");
    assertThat(json.getJsonObject("leadTime").getJsonArray("distribution"))
        .extracting(b -> b.asJsonObject().getString("label"))
        .containsExactly("<1h", "1-24h", "1-3d", "3-7d", "1-4w", ">4w");
  }

  @Test
  void valuesAreWrittenAsTheDashboardReadsThem() {
    AnalyticsRequest request =
        new AnalyticsRequest(
            Instant.parse("2025-03-10T00:00:00Z"),
            Instant.parse("2025-03-17T00:00:00Z"),
            ZoneOffset.UTC,
            12L,
            NOW);
    List<com.callytics.bookings.entity.Booking> bookings =
        List.of(
            booking("prev").eventType(12, "demo").start("2025-03-05T10:00:00Z").build(),
            booking("now1")
                .eventType(12, "demo")
                .start("2025-03-11T10:00:00Z")
                .duration(45)
                .meetingUrl("https://zoom.us/j/1")
                .build(),
            booking("now2")
                .eventType(12, "demo")
                .start("2025-03-12T10:00:00Z")
                .cancelled("Out sick")
                .meetingUrl("javascript:alert(1)")
                .build());

    JsonObject json = AnalyticsJson.toJson(calculator.calculate(request, bookings));

    JsonObject range = json.getJsonObject("range");
    assertThat(range.getString("from")).isEqualTo("2025-03-10T00:00:00Z");
    assertThat(range.getString("zone")).isEqualTo("Z");
    assertThat(range.getJsonNumber("eventTypeId").longValue()).isEqualTo(12);
    JsonObject overview = json.getJsonObject("overview");
    assertThat(overview.getInt("total")).isEqualTo(2);
    assertThat(overview.getJsonNumber("totalHours").doubleValue()).isEqualTo(0.8);
    JsonObject total = overview.getJsonObject("changes").getJsonObject("total");
    assertThat(total.getJsonNumber("change").isIntegral()).isTrue();
    assertThat(total.getInt("changePercent")).isEqualTo(100);
    JsonObject cancelled = overview.getJsonObject("changes").getJsonObject("cancelled");
    assertThat(cancelled.get("changePercent")).isEqualTo(JsonValue.NULL);
    JsonArray recent = json.getJsonArray("recent");
    assertThat(recent.getJsonObject(0).getString("uid")).isEqualTo("now2");
    assertThat(recent.getJsonObject(0).get("meetingUrl")).isEqualTo(JsonValue.NULL);
    assertThat(recent.getJsonObject(0).getString("cancellationReason")).isEqualTo("Out sick");
    assertThat(recent.getJsonObject(1).getString("meetingUrl")).isEqualTo("https://zoom.us/j/1");
    assertThat(recent.getJsonObject(1).getString("platform")).isEqualTo("Zoom");
    assertThat(recent.getJsonObject(1).getString("platformKey")).isEqualTo("zoom");
    assertThat(recent.getJsonObject(1).getString("start")).isEqualTo("2025-03-11T10:00:00Z");
    assertThat(json.getJsonObject("timeline").getString("granularity")).isEqualTo("day");
    assertThat(
            json.getJsonObject("insights").getJsonArray("topCancellationReasons").getJsonObject(0))
        .isEqualTo(Json.createObjectBuilder().add("reason", "Out sick").add("count", 1).build());
  }

  @Test
  void nothingToShowGivesZerosAndNulls() {
    Analytics empty =
        calculator.calculate(AnalyticsRequest.allTime(ZoneOffset.UTC, NOW), List.of());

    JsonObject json = AnalyticsJson.toJson(empty);

    assertThat(json.getJsonObject("range").get("from")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonObject("range").get("eventTypeId")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonObject("overview").getInt("total")).isZero();
    assertThat(json.getJsonObject("overview").get("changes")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonArray("recent")).isEmpty();
    assertThat(json.getJsonObject("durations").get("mostCommonDuration")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonObject("timeline").get("peak")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonObject("timeline").getJsonArray("periods")).isEmpty();
    assertThat(json.getJsonObject("platforms").get("mostUsed")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonObject("hosts").get("mostActive")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonObject("insights").get("averageRating")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonObject("insights").get("csat")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonObject("leadTime").getJsonNumber("medianHours").doubleValue()).isZero();
  }

  @Test
  void theJsonSurvivesBeingWrittenAndReadBack() {
    JsonObject json = demo();
    StringWriter text = new StringWriter();
    Json.createWriter(text).writeObject(json);

    JsonObject read = Json.createReader(new StringReader(text.toString())).readObject();

    assertThat(read).isEqualTo(json);
    assertThat(read.getJsonObject("overview").get("totalHours")).isInstanceOf(JsonNumber.class);
  }
}
