package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics.Guest;
import com.callytics.analytics.entity.Analytics.Person;
import com.callytics.analytics.entity.Analytics.RecentBooking;
import com.callytics.analytics.entity.Platform;
import com.callytics.bookings.entity.Booking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The five most recent bookings by start, keeping only those five (plus the most recent cancelled
 * one) while the bookings stream by.
 */
final class RecentTally {

  static final int SIZE = 5;

  /** Newest first; equal starts by uid so that the choice is stable. */
  static final Comparator<Booking> NEWEST_FIRST =
      Comparator.comparing(Booking::start).reversed().thenComparing(Booking::uid);

  private final Instant now;

  /** Head: the oldest of the kept bookings, the first to give way. */
  private final PriorityQueue<Booking> newest = new PriorityQueue<>(NEWEST_FIRST.reversed());

  private Booking newestCancelled;

  RecentTally(Instant now) {
    this.now = now;
  }

  void add(Booking booking) {
    if (BookingFacts.COMPLETED.equals(BookingFacts.status(booking))
        && booking.start().isAfter(now)) {
      return;
    }
    newest.add(booking);
    if (newest.size() > SIZE) {
      newest.poll();
    }
    if (BookingFacts.isCancelled(booking)
        && (newestCancelled == null || NEWEST_FIRST.compare(booking, newestCancelled) < 0)) {
      newestCancelled = booking;
    }
  }

  List<RecentBooking> result() {
    List<Booking> picked = new ArrayList<>(newest);
    picked.sort(NEWEST_FIRST);
    boolean anyCancelled = picked.stream().anyMatch(BookingFacts::isCancelled);
    if (!anyCancelled && newestCancelled != null && picked.size() == SIZE) {
      picked.set(SIZE - 1, newestCancelled);
    }
    return picked.stream().map(RecentTally::detail).toList();
  }

  static RecentBooking detail(Booking booking) {
    List<Person> hosts =
        booking.hosts().stream().map(host -> new Person(host.name(), host.email())).toList();
    List<Guest> attendees =
        booking.attendees().stream()
            .map(attendee -> new Guest(attendee.name(), attendee.email(), attendee.absent()))
            .toList();
    return new RecentBooking(
        booking.uid(),
        booking.title(),
        booking.status(),
        booking.start(),
        booking.end(),
        BookingFacts.minutes(booking),
        BookingFacts.eventTypeSlug(booking),
        hosts,
        attendees,
        BookingFacts.validMeetingUrl(booking.meetingUrl()),
        booking.location(),
        Platform.of(booking),
        booking.cancellationReason(),
        booking.reschedulingReason(),
        booking.rescheduledFromUid(),
        booking.rescheduledToUid(),
        booking.rating(),
        booking.absentHost());
  }
}
