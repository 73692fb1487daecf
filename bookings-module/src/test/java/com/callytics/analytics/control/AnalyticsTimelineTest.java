package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.entity.Analytics.Granularity;
import com.callytics.analytics.entity.Analytics.Peak;
import com.callytics.analytics.entity.Analytics.Period;
import com.callytics.analytics.entity.Analytics.Timeline;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.entity.Booking;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsTimelineTest {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  final AnalyticsCalculator calculator = new AnalyticsCalculator();

  Timeline timeline(String from, String to, ZoneId zone, Booking... bookings) {
    AnalyticsRequest request =
        new AnalyticsRequest(Instant.parse(from), Instant.parse(to), zone, null, NOW);
    return calculator.calculate(request, List.of(bookings)).timeline();
  }

  Granularity granularityFor(Duration length) {
    Instant from = Instant.parse("2025-01-01T00:00:00Z");
    return timeline(from.toString(), from.plus(length).toString(), ZoneOffset.UTC).granularity();
  }

  @Test
  void aWeekIsShownDayByDayWithTheEmptyDaysIncluded() {
    Timeline t =
        timeline(
            "2025-03-03T00:00:00Z",
            "2025-03-10T00:00:00Z",
            ZoneOffset.UTC,
            booking("a").start("2025-03-03T10:00:00Z").build(),
            booking("c").start("2025-03-03T15:00:00Z").cancelled().build(),
            booking("b").start("2025-03-06T10:00:00Z").build());

    assertThat(t.granularity()).isEqualTo(Granularity.DAY);
    assertThat(t.periods())
        .extracting(Period::label)
        .containsExactly(
            "2025-03-03",
            "2025-03-04",
            "2025-03-05",
            "2025-03-06",
            "2025-03-07",
            "2025-03-08",
            "2025-03-09");
    assertThat(t.periods()).extracting(Period::total).containsExactly(2, 0, 0, 1, 0, 0, 0);
    assertThat(t.periods().get(0))
        .isEqualTo(new Period("2025-03-03", Instant.parse("2025-03-03T00:00:00Z"), 2, 1, 1));
    assertThat(t.trend()).isEqualTo(-2);
    assertThat(t.peak()).isEqualTo(new Peak("2025-03-03", 2));
    // less than a month counts as one month
    assertThat(t.averagePerMonth()).isEqualTo(3.0);
  }

  @Test
  void daysAreTheViewersDays() {
    Timeline t =
        timeline(
            "2025-03-02T15:00:00Z", // Monday 3 March, midnight in Tokyo
            "2025-03-09T15:00:00Z",
            ZoneId.of("Asia/Tokyo"),
            booking("sun-utc").start("2025-03-02T23:30:00Z").build());

    assertThat(t.periods().get(0))
        .isEqualTo(new Period("2025-03-03", Instant.parse("2025-03-02T15:00:00Z"), 1, 1, 0));
    assertThat(t.periods()).hasSize(7);
  }

  @Test
  void twoMonthsAreShownWeekByWeekLabelledByTheirMonday() {
    Timeline t =
        timeline(
            "2025-01-01T00:00:00Z", // a Wednesday
            "2025-03-01T00:00:00Z",
            ZoneOffset.UTC,
            booking("sun").start("2025-01-12T22:00:00Z").build(),
            booking("mon").start("2025-01-13T00:00:00Z").build(),
            booking("last").start("2025-02-28T23:00:00Z").build());

    assertThat(t.granularity()).isEqualTo(Granularity.WEEK);
    assertThat(t.periods())
        .extracting(Period::label)
        .containsExactly(
            "2024-12-30",
            "2025-01-06",
            "2025-01-13",
            "2025-01-20",
            "2025-01-27",
            "2025-02-03",
            "2025-02-10",
            "2025-02-17",
            "2025-02-24");
    assertThat(t.periods()).extracting(Period::total).containsExactly(0, 1, 1, 0, 0, 0, 0, 0, 1);
    assertThat(t.trend()).isEqualTo(1);
    assertThat(t.peak()).isEqualTo(new Peak("2025-01-06", 1));
  }

  @Test
  void aYearIsShownMonthByMonth() {
    List<Booking> bookings = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      String day = String.format("%d-%02d-15T10:00:00Z", month >= 3 ? 2024 : 2025, month);
      bookings.add(booking("m" + month + "a").start(day).build());
      bookings.add(booking("m" + month + "b").start(day).build());
    }

    Timeline t =
        timeline(
            "2024-03-01T00:00:00Z",
            "2025-03-01T00:00:00Z",
            ZoneOffset.UTC,
            bookings.toArray(Booking[]::new));

    assertThat(t.granularity()).isEqualTo(Granularity.MONTH);
    assertThat(t.periods()).hasSize(12).allSatisfy(p -> assertThat(p.total()).isEqualTo(2));
    assertThat(t.periods().get(0).label()).isEqualTo("2024-03");
    assertThat(t.periods().get(11).label()).isEqualTo("2025-02");
    assertThat(t.averagePerMonth()).isEqualTo(2.0);
    assertThat(t.trend()).isZero();
    // ties: the earliest period
    assertThat(t.peak()).isEqualTo(new Peak("2024-03", 2));
  }

  @Test
  void granularityFollowsTheLengthOfTheRange() {
    assertThat(granularityFor(Duration.ofDays(1))).isEqualTo(Granularity.DAY);
    assertThat(granularityFor(Duration.ofDays(31))).isEqualTo(Granularity.DAY);
    assertThat(granularityFor(Duration.ofDays(31).plusSeconds(1))).isEqualTo(Granularity.WEEK);
    assertThat(granularityFor(Duration.ofDays(180))).isEqualTo(Granularity.WEEK);
    assertThat(granularityFor(Duration.ofDays(180).plusSeconds(1))).isEqualTo(Granularity.MONTH);
  }

  @Test
  void withoutARangeMonthsRunFromTheFirstToTheLastBookingInTheViewersZone() {
    List<Booking> bookings =
        List.of(
            booking("jan").start("2025-01-15T10:00:00Z").build(),
            // still 31 March in Los Angeles
            booking("mar-la").start("2025-04-01T03:00:00Z").build(),
            booking("apr1").start("2025-04-02T10:00:00Z").build(),
            booking("apr2").start("2025-04-03T10:00:00Z").build());

    Timeline t =
        calculator
            .calculate(AnalyticsRequest.allTime(ZoneId.of("America/Los_Angeles"), NOW), bookings)
            .timeline();

    assertThat(t.granularity()).isEqualTo(Granularity.MONTH);
    assertThat(t.periods())
        .extracting(Period::label)
        .containsExactly("2025-01", "2025-02", "2025-03", "2025-04");
    assertThat(t.periods()).extracting(Period::total).containsExactly(1, 0, 1, 2);
    assertThat(t.periods().get(0).start()).isEqualTo(Instant.parse("2025-01-01T08:00:00Z"));
    assertThat(t.averagePerMonth()).isEqualTo(1.0);
    assertThat(t.trend()).isEqualTo(1);
    assertThat(t.peak()).isEqualTo(new Peak("2025-04", 2));
  }
}
