package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.entity.Analytics;
import com.callytics.analytics.entity.Analytics.DurationStats;
import com.callytics.analytics.entity.Analytics.StatusShare;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.entity.Booking;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status distribution and durations. */
class AnalyticsDistributionTest {

  final AnalyticsCalculator calculator = new AnalyticsCalculator();

  Analytics of(Booking... bookings) {
    return calculator.calculate(
        AnalyticsRequest.allTime(ZoneOffset.UTC, Instant.parse("2025-03-20T12:00:00Z")),
        List.of(bookings));
  }

  @Test
  void eachStatusHasItsCountAndShareMostFrequentFirst() {
    Analytics a =
        of(
            booking("a1").build(),
            booking("a2").build(),
            booking("a3").build(),
            booking("c1").cancelled().build(),
            booking("r1").rejected().build(),
            booking("p1").status("pending").build());

    assertThat(a.statusDistribution())
        .containsExactly(
            new StatusShare("accepted", 3, 50),
            new StatusShare("cancelled", 1, 17),
            new StatusShare("pending", 1, 17),
            new StatusShare("rejected", 1, 17));
  }

  @Test
  void durationsAreCountedPerLengthShortestFirst() {
    Analytics a =
        of(
            booking("a").duration(60).build(),
            booking("b").duration(30).build(),
            booking("c").duration(30).cancelled().build(),
            booking("d").duration(15).status("pending").build(),
            booking("e").duration(60).cancelled().build());

    assertThat(a.durations().byDuration())
        .containsExactly(
            new DurationStats(15, 1, 0, 0),
            new DurationStats(30, 2, 1, 1),
            new DurationStats(60, 2, 1, 1));
    assertThat(a.durations().averageDuration()).isEqualTo(39.0);
    // 30 and 60 are as common: the shorter wins
    assertThat(a.durations().mostCommonDuration()).isEqualTo(30);
  }

  @Test
  void theAverageDurationHasOneDecimal() {
    Analytics a =
        of(
            booking("a").duration(15).build(),
            booking("b").duration(30).build(),
            booking("c").duration(30).build());

    assertThat(a.durations().averageDuration()).isEqualTo(25.0);
    assertThat(
            of(
                    booking("a").duration(20).build(),
                    booking("b").duration(25).build(),
                    booking("c").duration(25).build())
                .durations()
                .averageDuration())
        .isEqualTo(23.3);
  }
}
