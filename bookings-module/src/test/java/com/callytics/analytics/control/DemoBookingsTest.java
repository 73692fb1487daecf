package com.callytics.analytics.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.entity.Analytics;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.analytics.entity.Platform;
import com.callytics.bookings.entity.Booking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoBookingsTest {

  static final Instant NOON = Instant.parse("2025-03-20T12:00:00Z");

  static List<Booking> at(Instant instant) {
    return DemoBookings.generate(Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void theSameDayGivesTheSameBookings() {
    List<Booking> morning = at(Instant.parse("2025-03-20T00:01:00Z"));
    List<Booking> evening =
        DemoBookings.generate(
            Clock.fixed(Instant.parse("2025-03-20T23:59:00Z"), ZoneId.of("Asia/Tokyo")));

    assertThat(evening).isEqualTo(morning);
    assertThat(at(Instant.parse("2025-03-21T12:00:00Z"))).isNotEqualTo(morning);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-03-20T12:00:00Z",
        "2025-03-22T12:00:00Z", // Saturday
        "2025-03-23T12:00:00Z", // Sunday
        "2024-12-31T23:59:59Z",
        "2026-07-06T00:00:00Z"
      })
  void aboutOneHundredTwentyBookingsFromSixMonthsBackToTwoWeeksAhead(String clock) {
    Instant now = Instant.parse(clock);
    Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
    List<Booking> bookings = at(now);

    assertThat(bookings).hasSizeBetween(110, 130);
    assertThat(bookings)
        .allSatisfy(
            b -> {
              assertThat(b.start())
                  .isBetween(
                      dayStart.minus(Duration.ofDays(186)), dayStart.plus(Duration.ofDays(16)));
              assertThat(
                      b.start().isBefore(dayStart.plus(Duration.ofDays(1)))
                          && !b.end().isBefore(dayStart))
                  .as("no booking on the clock's day: %s", b.start())
                  .isFalse();
              assertThat(b.createdAt()).isBefore(b.start()).isBefore(dayStart);
              assertThat(b.duration()).isIn(15, 30, 45, 60);
              assertThat(b.eventType().slug()).isNotBlank();
            });
    assertThat(bookings.stream().filter(b -> b.start().isAfter(now)).count()).isBetween(8L, 20L);
    assertThat(bookings).extracting(Booking::uid).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-20T12:00:00Z", "2025-03-23T12:00:00Z", "2026-07-06T00:00:00Z"})
  void everyFeatureOfTheDashboardHasData(String clock) {
    Instant now = Instant.parse(clock);
    List<Booking> bookings = at(now);
    List<Booking> past = bookings.stream().filter(b -> b.end().isBefore(now)).toList();
    Map<String, Long> statuses =
        bookings.stream().collect(Collectors.groupingBy(Booking::status, Collectors.counting()));

    assertThat(bookings.stream().map(Platform::of).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(Platform.class));
    assertThat(statuses.keySet()).contains("accepted", "cancelled", "rejected", "pending");
    assertThat(statuses.get("accepted")).isGreaterThan(bookings.size() / 2L);
    assertThat(statuses.get("cancelled") * 100 / bookings.size()).isBetween(8L, 25L);
    assertThat(
            bookings.stream()
                .filter(b -> b.cancellationReason() != null && !b.cancellationReason().isBlank()))
        .hasSizeGreaterThan(5);
    assertThat(bookings)
        .filteredOn(b -> b.cancellationReason() != null)
        .allSatisfy(b -> assertThat(b.status()).isEqualTo("cancelled"));
    assertThat(bookings)
        .filteredOn(b -> b.reschedulingReason() != null)
        .allSatisfy(b -> assertThat(b.rescheduledFromUid()).isNotNull());
    assertThat(
            bookings.stream().flatMap(b -> b.hosts().stream()).map(Booking.Host::email).distinct())
        .hasSizeBetween(4, 5);
    assertThat(bookings.stream().map(b -> b.eventType().slug()).distinct())
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(bookings.stream().filter(Booking::absentHost)).isNotEmpty();
    assertThat(
            bookings.stream()
                .filter(b -> b.attendees().stream().anyMatch(Booking.Attendee::absent)))
        .isNotEmpty();
    long rated = bookings.stream().filter(b -> b.rating() != null).count();
    assertThat(rated * 100 / past.size()).isBetween(15L, 50L);
    assertThat(bookings.stream().filter(b -> b.rating() != null))
        .allSatisfy(b -> assertThat(b.end()).isBefore(now));
    // attendees come back
    Map<String, Long> perAttendee =
        bookings.stream()
            .flatMap(b -> b.attendees().stream())
            .collect(Collectors.groupingBy(Booking.Attendee::email, Collectors.counting()));
    assertThat(perAttendee.values()).anyMatch(count -> count >= 5);
    assertThat(perAttendee).hasSizeGreaterThan(10);
    // lead times from hours to weeks
    assertThat(bookings.stream().map(b -> Duration.between(b.createdAt(), b.start())))
        .anyMatch(d -> d.toHours() < 24)
        .anyMatch(d -> d.toDays() > 14);
  }

  @Test
  void reschedulesArePairsOfACancelledAndANewBooking() {
    List<Booking> bookings = at(NOON);
    Map<String, Booking> byUid =
        bookings.stream().collect(Collectors.toMap(Booking::uid, Function.identity()));
    List<Booking> moved = bookings.stream().filter(b -> b.rescheduledToUid() != null).toList();

    assertThat(moved).isNotEmpty();
    assertThat(moved)
        .allSatisfy(
            original -> {
              assertThat(original.status()).isEqualTo("cancelled");
              Booking replacement = byUid.get(original.rescheduledToUid());
              assertThat(replacement.rescheduledFromUid()).isEqualTo(original.uid());
              assertThat(replacement.reschedulingReason()).isNotBlank();
              assertThat(replacement.start()).isAfter(original.start());
            });
  }

  @Test
  void theOneSelfMeetingIsLeftOutOfTheAnalytics() {
    List<Booking> bookings = at(NOON);
    Set<String> selfMeetings =
        bookings.stream()
            .filter(AnalyticsCalculator::isSelfMeeting)
            .map(Booking::uid)
            .collect(Collectors.toSet());

    Analytics a =
        new AnalyticsCalculator()
            .calculate(AnalyticsRequest.allTime(ZoneOffset.UTC, NOON), bookings);

    assertThat(selfMeetings).hasSize(1);
    assertThat(a.overview().total()).isEqualTo(bookings.size() - 1);
    assertThat(a.insights().rescheduled()).isGreaterThanOrEqualTo(2);
    assertThat(a.insights().averageRating()).isNotNull();
  }
}
