package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics.Granularity;
import com.callytics.analytics.entity.Analytics.Peak;
import com.callytics.analytics.entity.Analytics.Period;
import com.callytics.analytics.entity.Analytics.Timeline;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.entity.Booking;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Bookings per day, week or month in the viewer's zone. Keeps one counter per period that has
 * bookings; the empty periods in between are filled in at the end.
 */
final class TimelineTally {

  static final Duration DAY_LIMIT = Duration.ofDays(31);
  static final Duration WEEK_LIMIT = Duration.ofDays(180);

  /** The average Gregorian month: 365.2425 / 12 days. */
  private static final double SECONDS_PER_MONTH = 365.2425 / 12 * 24 * 3600;

  private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("yyyy-MM");

  private final AnalyticsRequest request;
  private final ZoneId zone;
  private final Granularity granularity;

  /** Period start date to {total, accepted, cancelled}. */
  private final TreeMap<LocalDate, int[]> counts = new TreeMap<>();

  TimelineTally(AnalyticsRequest request) {
    this.request = request;
    this.zone = request.zone();
    this.granularity = granularityOf(request);
  }

  /** Day up to 31 days, week up to 180 days, else (and without a range) month. */
  static Granularity granularityOf(AnalyticsRequest request) {
    if (!request.hasRange()) {
      return Granularity.MONTH;
    }
    Duration length = request.length();
    if (length.compareTo(DAY_LIMIT) <= 0) {
      return Granularity.DAY;
    }
    return length.compareTo(WEEK_LIMIT) <= 0 ? Granularity.WEEK : Granularity.MONTH;
  }

  void add(Booking booking) {
    int[] row = counts.computeIfAbsent(periodOf(booking.start()), p -> new int[3]);
    row[0]++;
    if (BookingFacts.isAccepted(booking)) {
      row[1]++;
    } else if (BookingFacts.isCancelled(booking)) {
      row[2]++;
    }
  }

  private LocalDate periodOf(Instant instant) {
    LocalDate date = instant.atZone(zone).toLocalDate();
    return switch (granularity) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  private LocalDate next(LocalDate period) {
    return switch (granularity) {
      case DAY -> period.plusDays(1);
      case WEEK -> period.plusWeeks(1);
      case MONTH -> period.plusMonths(1);
    };
  }

  private String label(LocalDate period) {
    return granularity == Granularity.MONTH
        ? MONTH_LABEL.format(period)
        : DateTimeFormatter.ISO_LOCAL_DATE.format(period);
  }

  Timeline result() {
    LocalDate first;
    LocalDate last;
    if (request.hasRange()) {
      first = periodOf(request.from());
      last = periodOf(request.to().minusNanos(1));
    } else if (counts.isEmpty()) {
      return new Timeline(granularity, List.of(), 0, 0, null);
    } else {
      first = counts.firstKey();
      last = counts.lastKey();
    }
    List<Period> periods = new ArrayList<>();
    long total = 0;
    Peak peak = null;
    for (LocalDate period = first; !period.isAfter(last); period = next(period)) {
      int[] row = counts.getOrDefault(period, new int[3]);
      String label = label(period);
      periods.add(new Period(label, period.atStartOfDay(zone).toInstant(), row[0], row[1], row[2]));
      total += row[0];
      if (row[0] > 0 && (peak == null || row[0] > peak.total())) {
        peak = new Peak(label, row[0]);
      }
    }
    double months =
        request.hasRange()
            ? Math.max(1, request.length().toSeconds() / SECONDS_PER_MONTH)
            : periods.size();
    double averagePerMonth = BookingFacts.oneDecimal(total / months);
    int trend = periods.get(periods.size() - 1).total() - periods.get(0).total();
    return new Timeline(granularity, periods, averagePerMonth, trend, peak);
  }
}
