package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics.DurationStats;
import com.callytics.analytics.entity.Analytics.Durations;
import com.callytics.bookings.entity.Booking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bookings per duration. */
final class DurationTally {

  private static final int TOTAL = 0;
  private static final int ACCEPTED = 1;
  private static final int CANCELLED = 2;

  /** Minutes (ascending) to {total, accepted, cancelled}. */
  private final TreeMap<Integer, int[]> counts = new TreeMap<>();

  private long minutesSum;
  private int total;

  void add(Booking booking) {
    int minutes = BookingFacts.minutes(booking);
    int[] row = counts.computeIfAbsent(minutes, m -> new int[3]);
    row[TOTAL]++;
    if (BookingFacts.isAccepted(booking)) {
      row[ACCEPTED]++;
    } else if (BookingFacts.isCancelled(booking)) {
      row[CANCELLED]++;
    }
    minutesSum += minutes;
    total++;
  }

  Durations result() {
    List<DurationStats> stats = new ArrayList<>(counts.size());
    Integer mostCommon = null;
    int mostCommonCount = 0;
    for (Map.Entry<Integer, int[]> entry : counts.entrySet()) {
      int[] row = entry.getValue();
      stats.add(new DurationStats(entry.getKey(), row[TOTAL], row[ACCEPTED], row[CANCELLED]));
      // ascending order: a later duration wins only with strictly more bookings
      if (row[TOTAL] > mostCommonCount) {
        mostCommon = entry.getKey();
        mostCommonCount = row[TOTAL];
      }
    }
    double average = total == 0 ? 0 : BookingFacts.oneDecimal((double) minutesSum / total);
    return new Durations(stats, average, mostCommon);
  }
}
