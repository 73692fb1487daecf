package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.entity.Analytics.EventTypeStats;
import com.callytics.analytics.entity.Analytics.Insights;
import com.callytics.analytics.entity.Analytics.ReasonCount;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.entity.Booking;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsInsightsTest {

  static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");

  final AnalyticsCalculator calculator = new AnalyticsCalculator();

  Insights insights(List<Booking> bookings) {
    return calculator.calculate(AnalyticsRequest.allTime(ZoneOffset.UTC, NOW), bookings).insights();
  }

  @Test
  void completedAndUpcomingAreRelativeToNow() {
    Insights i =
        insights(
            List.of(
                booking("done").start("2025-03-18T10:00:00Z").build(),
                booking("ends-now").start("2025-03-20T11:30:00Z").duration(30).build(),
                booking("running").start("2025-03-20T11:45:00Z").duration(30).build(),
                booking("past-pending").start("2025-03-17T10:00:00Z").status("pending").build(),
                booking("past-cancelled").start("2025-03-16T10:00:00Z").cancelled().build(),
                booking("next").start("2025-03-25T10:00:00Z").build(),
                booking("next-pending").start("2025-03-26T10:00:00Z").status("pending").build(),
                booking("next-cancelled").start("2025-03-27T10:00:00Z").cancelled().build(),
                booking("next-rejected").start("2025-03-28T10:00:00Z").rejected().build()));

    assertThat(i.completed()).isEqualTo(2);
    assertThat(i.upcoming()).isEqualTo(2);
  }

  @Test
  void reschedulesNoShowsAndRatingsAreCounted() {
    Insights i =
        insights(
            List.of(
                booking("moved-away")
                    .start("2025-03-10T10:00:00Z")
                    .cancelled()
                    .rescheduledTo("moved-here")
                    .build(),
                booking("moved-here")
                    .start("2025-03-12T10:00:00Z")
                    .rescheduledFrom("moved-away", "Conflict")
                    .rating(2)
                    .build(),
                // only a cancelled booking is "moved away"
                booking("odd").start("2025-03-11T10:00:00Z").rescheduledTo("x").rating(3).build(),
                booking("host-missing")
                    .start("2025-03-13T10:00:00Z")
                    .absentHost()
                    .rating(5)
                    .build(),
                booking("two-missing")
                    .start("2025-03-14T10:00:00Z")
                    .absentAttendee("A", "a@x.com")
                    .absentAttendee("B", "b@x.com")
                    .attendee("C", "c@x.com")
                    .rating(4)
                    .build(),
                booking("one-missing")
                    .start("2025-03-15T10:00:00Z")
                    .absentAttendee("D", "d@x.com")
                    .build()));

    assertThat(i.rescheduled()).isEqualTo(2);
    assertThat(i.hostNoShows()).isEqualTo(1);
    assertThat(i.guestNoShows()).isEqualTo(3);
    assertThat(i.bookingsWithGuestNoShows()).isEqualTo(2);
    assertThat(i.ratingsCount()).isEqualTo(4);
    assertThat(i.averageRating()).isEqualTo(3.5);
    // 5 and 4 are above 3
    assertThat(i.csat()).isEqualTo(50);
  }

  @Test
  void theTenMostBookedEventTypesComeWithTheirCancelRate() {
    List<Booking> bookings = new ArrayList<>();
    bookings.add(booking("d1").eventType(1, "demo").build());
    bookings.add(booking("d2").eventType(1, "demo").build());
    bookings.add(booking("d3").eventType(1, "demo").cancelled().build());
    bookings.add(booking("d4").eventType(1, "demo").build());
    bookings.add(booking("n1").eventTypeRef(2L, null).build());
    bookings.add(booking("n2").eventTypeRef(2L, " ").cancelled().build());
    bookings.add(booking("n3").eventTypeRef(2L, null).build());
    bookings.add(booking("u1").build());
    bookings.add(booking("u2").build());
    for (int type = 10; type < 20; type++) {
      bookings.add(booking("t" + type).eventType(type, "type-" + type).build());
    }

    List<EventTypeStats> top = insights(bookings).topEventTypes();

    assertThat(top).hasSize(10);
    assertThat(top.subList(0, 4))
        .containsExactly(
            new EventTypeStats(1L, "demo", 4, 25),
            new EventTypeStats(2L, "event-2", 3, 33),
            new EventTypeStats(null, "unknown", 2, 0),
            new EventTypeStats(10L, "type-10", 1, 0));
    assertThat(top.get(9).slug()).isEqualTo("type-16");
  }

  @Test
  void cancellationReasonsAreGroupedRegardlessOfCaseAndSpaces() {
    List<Booking> bookings = new ArrayList<>();
    String[] reasons = {
      "Scheduling conflict",
      " scheduling   CONFLICT ",
      "scheduling conflict",
      "Out sick",
      "out sick",
      "D",
      "C",
      "B",
      "A",
      "  ",
      ""
    };
    for (int i = 0; i < reasons.length; i++) {
      bookings.add(booking("c" + i).cancelled(reasons[i]).build());
    }
    bookings.add(booking("no-reason").cancelled().build());

    assertThat(insights(bookings).topCancellationReasons())
        .containsExactly(
            new ReasonCount("Scheduling conflict", 3),
            new ReasonCount("Out sick", 2),
            new ReasonCount("A", 1),
            new ReasonCount("B", 1),
            new ReasonCount("C", 1));
  }
}
