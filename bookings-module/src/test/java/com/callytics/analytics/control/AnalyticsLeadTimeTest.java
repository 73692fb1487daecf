package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.entity.Analytics.LeadTime;
import com.callytics.analytics.entity.Analytics.LeadTimeBucket;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.entity.Booking;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsLeadTimeTest {

  final AnalyticsCalculator calculator = new AnalyticsCalculator();
  final List<Booking> bookings = new ArrayList<>();

  LeadTime leadTime() {
    return calculator
        .calculate(
            AnalyticsRequest.allTime(ZoneOffset.UTC, Instant.parse("2025-03-20T12:00:00Z")),
            bookings)
        .leadTime();
  }

  void bookedAhead(Duration... leadTimes) {
    for (Duration leadTime : leadTimes) {
      bookings.add(booking("b" + bookings.size()).bookedAhead(leadTime).build());
    }
  }

  @Test
  void leadTimesFallIntoBucketsFromUnderAnHourToOverFourWeeks() {
    bookedAhead(
        Duration.ofMinutes(59),
        Duration.ofMinutes(60),
        Duration.ofHours(23).plusMinutes(59),
        Duration.ofHours(24),
        Duration.ofDays(3).minusMinutes(1),
        Duration.ofDays(3),
        Duration.ofDays(7),
        Duration.ofDays(28).minusMinutes(1),
        Duration.ofDays(28),
        Duration.ofDays(90));
    bookings.add(booking("unknown").build());

    LeadTime l = leadTime();

    assertThat(l.count()).isEqualTo(10);
    assertThat(l.distribution())
        .containsExactly(
            new LeadTimeBucket("<1h", 1),
            new LeadTimeBucket("1-24h", 2),
            new LeadTimeBucket("1-3d", 2),
            new LeadTimeBucket("3-7d", 1),
            new LeadTimeBucket("1-4w", 2),
            new LeadTimeBucket(">4w", 2));
    assertThat(l.shareUnder24h()).isEqualTo(30);
  }

  @Test
  void theMedianOfAnOddNumberIsTheMiddleLeadTime() {
    bookedAhead(Duration.ofMinutes(30), Duration.ofHours(5), Duration.ofDays(10));

    assertThat(leadTime().medianHours()).isEqualTo(5.0);
  }

  @Test
  void theMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
    bookedAhead(
        Duration.ofMinutes(10),
        Duration.ofHours(2),
        Duration.ofHours(3).plusMinutes(30),
        Duration.ofDays(60));

    // (120 + 210) / 2 minutes
    assertThat(leadTime().medianHours()).isEqualTo(2.8);
  }

  @Test
  void theMedianBeyondFourWeeksIsExactToTheHour() {
    bookedAhead(Duration.ofDays(40).plusMinutes(59), Duration.ofDays(50), Duration.ofDays(60));

    assertThat(leadTime().medianHours()).isEqualTo(1200.0);
  }

  @Test
  void aBookingRecordedAfterItsStartCountsAsBookedAtTheLastMinute() {
    bookedAhead(Duration.ofHours(-2));

    LeadTime l = leadTime();

    assertThat(l.medianHours()).isZero();
    assertThat(l.distribution().get(0).count()).isEqualTo(1);
    assertThat(l.shareUnder24h()).isEqualTo(100);
  }
}
