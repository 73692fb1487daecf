package com.callytics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated data set looks like real Cal.com data. */
class BookingDataTest {
  private static final int COUNT = 5000;
  private static CalEmulator emulator;
  private static List<JsonObject> bookings;
  private static Map<String, JsonObject> byUid;
  private static Instant now;

  @BeforeAll
  static void generate() {
    now = Instant.now();
    emulator = CalEmulator.start(0).setBookingCount(1001, COUNT);
    bookings = emulator.bookings(1001);
    byUid = bookings.stream().collect(Collectors.toMap(b -> b.getString("uid"), b -> b));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static double share(Predicate<JsonObject> p) {
    return bookings.stream().filter(p).count() / (double) bookings.size();
  }

  private static Instant at(JsonObject b, String field) {
    return Instant.parse(b.getString(field));
  }

  private static String str(JsonObject b, String field) {
    return b.isNull(field) ? null : b.getString(field);
  }

  @Test
  void idsAndUidsAreUnique() {
    assertThat(bookings).hasSize(COUNT);
    assertThat(byUid).hasSize(COUNT);
    assertThat(bookings.stream().map(b -> b.getJsonNumber("id").longValue()).distinct())
        .hasSize(COUNT);
    assertThat(bookings).allMatch(b -> b.getString("icsUid").startsWith(b.getString("uid")));
  }

  @Test
  void statusMixIsRealistic() {
    assertThat(share(b -> b.getString("status").equals("accepted"))).isBetween(0.62, 0.78);
    assertThat(share(b -> b.getString("status").equals("cancelled"))).isBetween(0.10, 0.20);
    assertThat(share(b -> b.getString("status").equals("rejected"))).isBetween(0.02, 0.10);
    assertThat(share(b -> b.getString("status").equals("pending"))).isBetween(0.04, 0.14);
  }

  @Test
  void timesSpanAboutTwoYearsMostlyPast() {
    Instant earliest = bookings.stream().map(b -> at(b, "start")).min(Instant::compareTo).get();
    Instant latest = bookings.stream().map(b -> at(b, "start")).max(Instant::compareTo).get();

    assertThat(Duration.between(earliest, latest).toDays()).isBetween(690L, 740L);
    assertThat(share(b -> at(b, "end").isBefore(now))).isBetween(0.80, 0.95);
    assertThat(share(b -> at(b, "start").isAfter(now))).isGreaterThan(0.05);
  }

  @Test
  void timeInvariantsHold() {
    Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
    List<String> violations = new ArrayList<>();
    Set<Long> leadDays = new HashSet<>();
    long shortestLeadMinutes = Long.MAX_VALUE;
    for (JsonObject b : bookings) {
      Instant start = at(b, "start");
      Instant created = at(b, "createdAt");
      Instant updated = at(b, "updatedAt");
      int duration = b.getInt("duration");
      if (!created.isBefore(start)
          || updated.isBefore(created)
          || updated.isAfter(dayStart)
          || Duration.between(start, at(b, "end")).toMinutes() != duration
          || !Set.of(15, 30, 45, 60, 90).contains(duration)) {
        violations.add(b.toString());
      }
      Duration lead = Duration.between(created, start);
      leadDays.add(lead.toDays());
      shortestLeadMinutes = Math.min(shortestLeadMinutes, lead.toMinutes());
    }

    assertThat(violations).isEmpty();
    assertThat(leadDays).contains(0L, 1L, 30L);
    assertThat(leadDays.stream().mapToLong(Long::longValue).max().getAsLong()).isBetween(50L, 60L);
    assertThat(shortestLeadMinutes).isLessThan(60);
  }

  @Test
  void hostsAttendeesAndGuestsVary() {
    Map<Integer, Integer> hostCounts = new HashMap<>();
    Map<Integer, Integer> attendeeCounts = new HashMap<>();
    Set<Long> hostIds = new HashSet<>();
    for (JsonObject b : bookings) {
      hostCounts.merge(b.getJsonArray("hosts").size(), 1, Integer::sum);
      attendeeCounts.merge(b.getJsonArray("attendees").size(), 1, Integer::sum);
      b.getJsonArray("hosts")
          .forEach(h -> hostIds.add(h.asJsonObject().getJsonNumber("id").longValue()));
      JsonObject responses = b.getJsonObject("bookingFieldsResponses");
      JsonObject firstAttendee = b.getJsonArray("attendees").getJsonObject(0);
      assertThat(responses.getString("name")).isEqualTo(firstAttendee.getString("name"));
      assertThat(responses.getString("email")).isEqualTo(firstAttendee.getString("email"));
      assertThat(b.getString("title"))
          .contains(" between ")
          .endsWith(firstAttendee.getString("name"));
    }
    assertThat(hostCounts).containsOnlyKeys(1, 2, 3);
    assertThat(attendeeCounts).containsOnlyKeys(1, 2, 3);
    assertThat(hostIds).hasSize(8).contains(1001L);
    assertThat(share(b -> !b.getJsonArray("guests").isEmpty())).isBetween(0.05, 0.25);
    List<JsonObject> attendees =
        bookings.stream()
            .flatMap(b -> b.getJsonArray("attendees").getValuesAs(JsonObject.class).stream())
            .collect(Collectors.toList());
    double absent =
        attendees.stream().filter(a -> a.getBoolean("absent")).count() / (double) attendees.size();
    double withPhone =
        attendees.stream().filter(a -> !a.isNull("phoneNumber")).count()
            / (double) attendees.size();
    assertThat(absent).isBetween(0.01, 0.08);
    assertThat(withPhone).isBetween(0.2, 0.6);
    assertThat(attendees.stream().map(a -> a.getString("language")).distinct().count())
        .isGreaterThan(3);
    assertThat(share(b -> b.getBoolean("absentHost"))).isBetween(0.01, 0.06);
  }

  @Test
  void platformsAndEventTypesVary() {
    Set<String> locations =
        bookings.stream().map(b -> b.getString("location")).collect(Collectors.toSet());
    Set<String> meetingUrls =
        bookings.stream()
            .filter(b -> !b.isNull("meetingUrl"))
            .map(b -> b.getString("meetingUrl").replaceAll("(https://[^/]+/).*", "$1"))
            .collect(Collectors.toSet());
    Set<String> slugs =
        bookings.stream()
            .map(b -> b.getJsonObject("eventType").getString("slug"))
            .collect(Collectors.toSet());

    assertThat(locations)
        .contains("integrations:google:meet", "integrations:zoom", "integrations:daily")
        .anyMatch(l -> l.startsWith("https://meet.google.com/"))
        .anyMatch(l -> l.startsWith("https://zoom.us/j/"))
        .anyMatch(l -> l.startsWith("https://app.cal.com/video/"))
        .anyMatch(l -> l.contains("Berlin"));
    assertThat(meetingUrls)
        .containsExactlyInAnyOrder(
            "https://meet.google.com/", "https://zoom.us/", "https://app.cal.com/");
    assertThat(slugs).hasSize(6);
    assertThat(bookings)
        .allMatch(
            b ->
                b.getJsonNumber("eventTypeId").longValue()
                    == b.getJsonObject("eventType").getJsonNumber("id").longValue());
  }

  @Test
  void cancellationsCarryReasonsAndRatingsOnlyPastOnes() {
    List<JsonObject> plainCancels =
        bookings.stream()
            .filter(b -> b.getString("status").equals("cancelled") && b.isNull("rescheduledToUid"))
            .collect(Collectors.toList());
    assertThat(plainCancels)
        .isNotEmpty()
        .allMatch(b -> str(b, "cancellationReason") != null && str(b, "cancelledByEmail") != null);
    assertThat(bookings)
        .filteredOn(b -> !b.getString("status").equals("cancelled"))
        .allMatch(b -> b.isNull("cancellationReason"));

    List<JsonObject> rated =
        bookings.stream().filter(b -> !b.isNull("rating")).collect(Collectors.toList());
    assertThat(rated)
        .allMatch(b -> at(b, "end").isBefore(now))
        .allMatch(b -> b.getInt("rating") >= 1 && b.getInt("rating") <= 5);
    double ratedShareOfPast =
        rated.size() / (double) bookings.stream().filter(b -> at(b, "end").isBefore(now)).count();
    assertThat(ratedShareOfPast).isBetween(0.2, 0.4);
    assertThat(bookings).allMatch(b -> b.getJsonObject("metadata").isEmpty());
  }

  @Test
  void reschedulesPointAtEachOther() {
    List<JsonObject> originals =
        bookings.stream().filter(b -> !b.isNull("rescheduledToUid")).collect(Collectors.toList());

    assertThat(originals.size()).isBetween(COUNT / 100, COUNT / 15);
    for (JsonObject original : originals) {
      JsonObject next = byUid.get(original.getString("rescheduledToUid"));
      assertThat(next).isNotNull();
      assertThat(original.getString("status")).isEqualTo("cancelled");
      assertThat(next.getString("rescheduledFromUid")).isEqualTo(original.getString("uid"));
      assertThat(next.getString("status")).isIn("accepted", "pending");
      assertThat(original.getString("rescheduledByEmail")).contains("@");
      assertThat(at(next, "createdAt")).isEqualTo(at(original, "updatedAt"));
      assertThat(next.getJsonArray("attendees")).isEqualTo(original.getJsonArray("attendees"));
    }
    assertThat(originals).anyMatch(o -> o.get("reschedulingReason") instanceof JsonString);
    assertThat(bookings.stream().filter(b -> !b.isNull("rescheduledFromUid")).count())
        .isEqualTo(originals.size());
    assertThat(originals.get(0).get("reschedulingReason").getValueType())
        .isIn(JsonValue.ValueType.STRING, JsonValue.ValueType.NULL);
  }

  @Test
  void aHundredThousandBookingsGenerateQuickly() {
    long started = System.nanoTime();
    Booking[] big = BookingGenerator.generate(77, 100_000, Instant.now().toEpochMilli());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(big).hasSize(100_000);
    assertThat(big[0].startMs).isLessThanOrEqualTo(big[99_999].startMs);
    assertThat(took).isLessThan(Duration.ofSeconds(5));
  }
}
