package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics.LeadTime;
import com.callytics.analytics.entity.Analytics.LeadTimeBucket;
import com.callytics.bookings.entity.Booking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lead times ({@code start - createdAt}) in a histogram of bounded size: one counter per minute up
 * to four weeks, one per hour beyond (sparse). The median is therefore exact to the minute up to
 * four weeks and to the hour beyond. A booking created after its start counts as lead time 0.
 */
final class LeadTimeTally {

  static final List<String> LABELS = List.of("<1h", "1-24h", "1-3d", "3-7d", "1-4w", ">4w");

  private static final int HOUR = 60;
  private static final int DAY = 24 * HOUR;
  private static final int WEEK = 7 * DAY;

  /** Bucket upper bounds (exclusive) in minutes; the last bucket is open. */
  private static final long[] BOUNDS = {HOUR, DAY, 3 * DAY, WEEK, 4 * WEEK};

  private static final int EXACT_MINUTES = 4 * WEEK;

  /** Allocated with the first lead time. */
  private int[] perMinute;

  /** Whole hours (in minutes) to counts, for lead times of four weeks and more. */
  private final TreeMap<Long, Integer> perHourBeyond = new TreeMap<>();

  private final int[] buckets = new int[LABELS.size()];
  private int count;

  void add(Booking booking) {
    if (booking.createdAt() == null) {
      return;
    }
    long minutes = Math.max(0, Duration.between(booking.createdAt(), booking.start()).toMinutes());
    if (minutes < EXACT_MINUTES) {
      if (perMinute == null) {
        perMinute = new int[EXACT_MINUTES];
      }
      perMinute[(int) minutes]++;
    } else {
      perHourBeyond.merge(minutes / HOUR * HOUR, 1, Integer::sum);
    }
    buckets[bucket(minutes)]++;
    count++;
  }

  private static int bucket(long minutes) {
    for (int i = 0; i < BOUNDS.length; i++) {
      if (minutes < BOUNDS[i]) {
        return i;
      }
    }
    return BOUNDS.length;
  }

  LeadTime result() {
    List<LeadTimeBucket> distribution = new ArrayList<>(LABELS.size());
    for (int i = 0; i < LABELS.size(); i++) {
      distribution.add(new LeadTimeBucket(LABELS.get(i), buckets[i]));
    }
    if (count == 0) {
      return new LeadTime(0, 0, distribution, 0);
    }
    // the lower and upper median coincide for an odd count
    double medianMinutes = (nth((count - 1) / 2) + nth(count / 2)) / 2.0;
    int under24h = buckets[0] + buckets[1];
    return new LeadTime(
        count,
        BookingFacts.oneDecimal(medianMinutes / HOUR),
        distribution,
        BookingFacts.percent(under24h, count));
  }

  /** The {@code index}-th smallest lead time (0-based) in minutes. */
  private long nth(int index) {
    int seen = 0;
    if (perMinute != null) {
      for (int minute = 0; minute < perMinute.length; minute++) {
        seen += perMinute[minute];
        if (seen > index) {
          return minute;
        }
      }
    }
    for (Map.Entry<Long, Integer> entry : perHourBeyond.entrySet()) {
      seen += entry.getValue();
      if (seen > index) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("no lead time at index " + index + " of " + count);
  }
}
