package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics.StatusShare;
import com.callytics.bookings.entity.Booking;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bookings per status. */
final class StatusTally {

  private final Map<String, Integer> counts = new HashMap<>();
  private int total;

  void add(Booking booking) {
    String status = BookingFacts.status(booking);
    counts.merge(status.isEmpty() ? "unknown" : status, 1, Integer::sum);
    total++;
  }

  /** Most frequent first; equal counts by status name. */
  List<StatusShare> result() {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .map(
            e ->
                new StatusShare(
                    e.getKey(), e.getValue(), BookingFacts.percent(e.getValue(), total)))
        .toList();
  }
}
