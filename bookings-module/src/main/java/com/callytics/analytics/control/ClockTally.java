package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics.Share;
import com.callytics.analytics.entity.Analytics.TimeOfDay;
import com.callytics.bookings.entity.Booking;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Bookings by local weekday and hour: the heatmap, from which the counts per hour and per part of
 * the day follow.
 */
final class ClockTally {

  private final ZoneId zone;
  private final int[][] heatmap = new int[7][24];
  private int total;

  ClockTally(ZoneId zone) {
    this.zone = zone;
  }

  void add(Booking booking) {
    ZonedDateTime local = booking.start().atZone(zone);
    heatmap[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
    total++;
  }

  List<List<Integer>> heatmap() {
    List<List<Integer>> rows = new ArrayList<>(7);
    for (int[] day : heatmap) {
      rows.add(IntStream.of(day).boxed().toList());
    }
    return rows;
  }

  List<Integer> byHour() {
    return IntStream.range(0, 24).mapToObj(this::atHour).toList();
  }

  TimeOfDay timeOfDay() {
    return new TimeOfDay(share(6, 12), share(12, 17), share(17, 21), share(21, 30));
  }

  /** Bookings from local hour {@code from} (inclusive) to {@code to} (exclusive, may pass 24). */
  private Share share(int from, int to) {
    int count = 0;
    for (int hour = from; hour < to; hour++) {
      count += atHour(hour % 24);
    }
    return new Share(count, BookingFacts.percent(count, total));
  }

  private int atHour(int hour) {
    int count = 0;
    for (int[] day : heatmap) {
      count += day[hour];
    }
    return count;
  }
}
