package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.entity.Analytics.Change;
import com.callytics.analytics.entity.Analytics.Changes;
import com.callytics.analytics.entity.Analytics.Overview;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.entity.Booking;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsOverviewTest {

  static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");

  final AnalyticsCalculator calculator = new AnalyticsCalculator();

  Overview overview(AnalyticsRequest request, List<Booking> bookings) {
    return calculator.calculate(request, bookings).overview();
  }

  @Test
  void countsRatesHoursAndParticipants() {
    List<Booking> bookings =
        List.of(
            booking("a1").duration(60).attendee("Ann", "ann@example.com").build(),
            booking("a2").duration(30).attendee("Ann", " ANN@example.com").build(),
            booking("c1").cancelled().duration(45).attendee("Bob", "bob@example.com").build(),
            booking("r1").rejected().duration(30).build(),
            booking("p1").status("pending").duration(15).host("Other", "Host@Example.com").build());

    Overview o = overview(AnalyticsRequest.allTime(ZoneOffset.UTC, NOW), bookings);

    assertThat(o.total()).isEqualTo(5);
    assertThat(o.accepted()).isEqualTo(2);
    assertThat(o.cancelled()).isEqualTo(1);
    assertThat(o.acceptanceRate()).isEqualTo(40);
    // 60 + 30 + 15 minutes; the cancelled and the rejected meeting do not take place
    assertThat(o.totalHours()).isEqualTo(1.8);
    // host, ann, bob, guest
    assertThat(o.uniqueParticipants()).isEqualTo(4);
    assertThat(o.changes()).isNull();
  }

  @Test
  void eachKpiIsComparedWithThePreviousPeriodOfEqualLength() {
    AnalyticsRequest lastWeek =
        new AnalyticsRequest(
            Instant.parse("2025-03-10T00:00:00Z"),
            Instant.parse("2025-03-17T00:00:00Z"),
            ZoneOffset.UTC,
            null,
            NOW);
    List<Booking> bookings =
        List.of(
            // the previous period, 3 to 10 March
            booking("p1").start("2025-03-03T00:00:00Z").duration(60).build(),
            booking("p2").start("2025-03-09T23:59:00Z").duration(60).build(),
            // too early for either period
            booking("old").start("2025-03-02T23:59:00Z").cancelled().build(),
            // the range
            booking("c1")
                .start("2025-03-10T00:00:00Z")
                .duration(60)
                .attendee("A", "a@x.com")
                .build(),
            booking("c2")
                .start("2025-03-12T09:00:00Z")
                .duration(30)
                .attendee("B", "b@x.com")
                .build(),
            booking("c3").start("2025-03-16T23:00:00Z").duration(30).cancelled().build());

    Overview o = overview(lastWeek, bookings);

    assertThat(o.total()).isEqualTo(3);
    Changes c = o.changes();
    assertThat(c.total()).isEqualTo(new Change(3, 2, 1, 50));
    assertThat(c.accepted()).isEqualTo(new Change(2, 2, 0, 0));
    assertThat(c.cancelled()).isEqualTo(new Change(1, 0, 1, null));
    assertThat(c.acceptanceRate()).isEqualTo(new Change(67, 100, -33, -33));
    assertThat(c.totalHours()).isEqualTo(new Change(1.5, 2.0, -0.5, -25));
    // host, a, b, guest now; host and guest before
    assertThat(c.uniqueParticipants()).isEqualTo(new Change(4, 2, 2, 100));
  }

  @Test
  void meetingsThisWeekFollowTheViewersMondayToSundayWeek() {
    // now: Thursday 20 March 2025
    List<Booking> bookings =
        List.of(
            booking("sun-16h-utc").start("2025-03-16T16:00:00Z").build(),
            booking("sun-2330-utc").start("2025-03-16T23:30:00Z").build(),
            booking("tue").start("2025-03-18T10:00:00Z").build(),
            booking("next-sun-20h-utc").start("2025-03-23T20:00:00Z").build(),
            booking("next-mon").start("2025-03-24T10:00:00Z").build());

    Overview utc = overview(AnalyticsRequest.allTime(ZoneOffset.UTC, NOW), bookings);
    Overview tokyo = overview(AnalyticsRequest.allTime(ZoneId.of("Asia/Tokyo"), NOW), bookings);

    assertThat(utc.meetingsThisWeek()).isEqualTo(2);
    // in Tokyo both Sunday evenings (UTC) are already Monday, the later one of next week
    assertThat(tokyo.meetingsThisWeek()).isEqualTo(3);
  }

  @Test
  void aChangeFromNothingHasNoPercentage() {
    assertThat(Change.of(4, 0)).isEqualTo(new Change(4, 0, 4, null));
    assertThat(Change.of(0, 4)).isEqualTo(new Change(0, 4, -4, -100));
    assertThat(Change.of(2.3, 2.1).change()).isEqualTo(0.2);
  }
}
