package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics.EventTypeStats;
import com.callytics.analytics.entity.Analytics.Insights;
import com.callytics.analytics.entity.Analytics.ReasonCount;
import com.callytics.bookings.entity.Booking;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures Cal.com Insights shows: completion, reschedules, no-shows, ratings, top lists. */
final class InsightTally {

  static final int TOP_EVENT_TYPES = 10;
  static final int TOP_REASONS = 5;
  static final String UNKNOWN_EVENT_TYPE = "unknown";

  private final Instant now;
  private int completed;
  private int upcoming;
  private int rescheduled;
  private int hostNoShows;
  private int guestNoShows;
  private int bookingsWithGuestNoShows;
  private int ratingsCount;
  private long ratingsSum;
  private int ratingsAbove3;
  private final Map<String, EventTypeCounter> eventTypes = new HashMap<>();
  private final Map<String, ReasonCounter> reasons = new HashMap<>();

  private static final class EventTypeCounter {
    final Long id;
    final EarliestValue slug = new EarliestValue();
    int count;
    int cancelled;

    EventTypeCounter(Long id) {
      this.id = id;
    }
  }

  private static final class ReasonCounter {
    final EarliestValue wording = new EarliestValue();
    int count;
  }

  InsightTally(Instant now) {
    this.now = now;
  }

  void add(Booking booking) {
    boolean cancelled = BookingFacts.isCancelled(booking);
    if (BookingFacts.isAccepted(booking) && !booking.end().isAfter(now)) {
      completed++;
    }
    if (booking.start().isAfter(now) && BookingFacts.isHeld(booking)) {
      upcoming++;
    }
    if ((cancelled && !BookingFacts.isBlank(booking.rescheduledToUid()))
        || !BookingFacts.isBlank(booking.rescheduledFromUid())) {
      rescheduled++;
    }
    if (booking.absentHost()) {
      hostNoShows++;
    }
    long absentGuests = booking.attendees().stream().filter(Booking.Attendee::absent).count();
    guestNoShows += (int) absentGuests;
    if (absentGuests > 0) {
      bookingsWithGuestNoShows++;
    }
    if (booking.rating() != null) {
      ratingsCount++;
      ratingsSum += booking.rating();
      if (booking.rating() > 3) {
        ratingsAbove3++;
      }
    }
    addEventType(booking, cancelled);
    addReason(booking.cancellationReason(), booking);
  }

  private void addEventType(Booking booking, boolean cancelled) {
    Long id = BookingFacts.eventTypeId(booking);
    String slug = BookingFacts.eventTypeSlug(booking);
    String key = id != null ? "id:" + id : "slug:" + (slug == null ? "" : slug);
    EventTypeCounter counter = eventTypes.computeIfAbsent(key, k -> new EventTypeCounter(id));
    counter.slug.offer(slug == null ? UNKNOWN_EVENT_TYPE : slug, booking);
    counter.count++;
    if (cancelled) {
      counter.cancelled++;
    }
  }

  private void addReason(String reason, Booking booking) {
    if (BookingFacts.isBlank(reason)) {
      return;
    }
    String wording = BookingFacts.squeeze(reason);
    ReasonCounter counter =
        reasons.computeIfAbsent(wording.toLowerCase(Locale.ROOT), k -> new ReasonCounter());
    counter.wording.offer(wording, booking);
    counter.count++;
  }

  Insights result() {
    Double averageRating =
        ratingsCount == 0 ? null : BookingFacts.oneDecimal((double) ratingsSum / ratingsCount);
    Integer csat = ratingsCount == 0 ? null : BookingFacts.percent(ratingsAbove3, ratingsCount);
    List<EventTypeStats> topEventTypes =
        eventTypes.values().stream()
            .map(
                c ->
                    new EventTypeStats(
                        c.id, c.slug.get(), c.count, BookingFacts.percent(c.cancelled, c.count)))
            .sorted(
                Comparator.comparingInt(EventTypeStats::count)
                    .reversed()
                    .thenComparing(EventTypeStats::slug))
            .limit(TOP_EVENT_TYPES)
            .toList();
    List<ReasonCount> topReasons =
        reasons.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, ReasonCounter>>comparingInt(e -> e.getValue().count)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .limit(TOP_REASONS)
            .map(e -> new ReasonCount(e.getValue().wording.get(), e.getValue().count))
            .toList();
    return new Insights(
        completed,
        upcoming,
        rescheduled,
        hostNoShows,
        guestNoShows,
        bookingsWithGuestNoShows,
        averageRating,
        ratingsCount,
        csat,
        topEventTypes,
        topReasons);
  }
}
