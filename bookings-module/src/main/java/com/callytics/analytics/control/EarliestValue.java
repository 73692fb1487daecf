package com.callytics.analytics.control;

import com.callytics.bookings.entity.Booking;
import java.time.Instant;

/**
 * The value offered by the earliest booking (by start, then uid) among those that offered one: the
 * same whatever order the bookings come in. Used where analytics show one wording for many bookings
 * (a host's name, an event type's slug, a cancellation reason).
 */
final class EarliestValue {

  private String value;
  private Instant start;
  private String uid;

  /** Offers {@code candidate} (ignored when {@code null}) from {@code booking}. */
  void offer(String candidate, Booking booking) {
    if (candidate == null) {
      return;
    }
    int order =
        value == null
            ? -1
            : booking.start().equals(start)
                ? booking.uid().compareTo(uid)
                : booking.start().compareTo(start);
    if (order < 0) {
      value = candidate;
      start = booking.start();
      uid = booking.uid();
    }
  }

  /** The earliest booking's value, {@code null} when none was offered. */
  String get() {
    return value;
  }
}
