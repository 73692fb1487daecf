package com.callytics.analytics.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the analytics are computed for.
 *
 * <p>A booking counts when its start lies in {@code [from, to)}. When both bounds are given, the
 * previous period of equal length, {@code [from - (to - from), from)}, is compared against; the
 * caller therefore passes the bookings of {@code [previousFrom(), to)}.
 *
 * @param from inclusive start of the range, {@code null} for all history
 * @param to exclusive end of the range, {@code null} for no upper bound
 * @param zone the viewer's time zone: hours, weekdays, weeks and timeline periods are local to it
 * @param eventTypeId only bookings of this event type when not {@code null}
 * @param now the moment the analytics are computed at ("this week", completed vs upcoming)
 */
public record AnalyticsRequest(
    Instant from, Instant to, ZoneId zone, Long eventTypeId, Instant now) {

  public AnalyticsRequest {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(now, "now");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
    }
  }

  /** All history in {@code zone}, no event type filter. */
  public static AnalyticsRequest allTime(ZoneId zone, Instant now) {
    return new AnalyticsRequest(null, null, zone, null, now);
  }

  /** Whether both bounds are given, so that a previous period of equal length exists. */
  public boolean hasRange() {
    return from != null && to != null;
  }

  /** The length of the range, or {@code null} when it is open on either side. */
  public Duration length() {
    return hasRange() ? Duration.between(from, to) : null;
  }

  /** The start of the previous period of equal length, or {@code null} without a range. */
  public Instant previousFrom() {
    return hasRange() ? from.minus(length()) : null;
  }

  /** Whether {@code instant} lies in {@code [from, to)}. */
  public boolean contains(Instant instant) {
    return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
  }

  /** Whether {@code instant} lies in the previous period (never without a range). */
  public boolean inPreviousPeriod(Instant instant) {
    return hasRange() && !instant.isBefore(previousFrom()) && instant.isBefore(from);
  }
}
