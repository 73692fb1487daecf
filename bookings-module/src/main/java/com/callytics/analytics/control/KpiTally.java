package com.callytics.analytics.control;

import com.callytics.bookings.entity.Booking;
import java.util.HashSet;
import java.util.Set;

/** The headline KPIs of one period: counts, held minutes and distinct participants. */
final class KpiTally {

  private int total;
  private int accepted;
  private int cancelled;
  private long heldMinutes;
  private final Set<String> participants = new HashSet<>();

  void add(Booking booking) {
    total++;
    if (BookingFacts.isAccepted(booking)) {
      accepted++;
    } else if (BookingFacts.isCancelled(booking)) {
      cancelled++;
    }
    if (BookingFacts.isHeld(booking)) {
      heldMinutes += BookingFacts.minutes(booking);
    }
    for (Booking.Host host : booking.hosts()) {
      addParticipant(host.email());
    }
    for (Booking.Attendee attendee : booking.attendees()) {
      addParticipant(attendee.email());
    }
  }

  private void addParticipant(String email) {
    String normalized = BookingFacts.normalizeEmail(email);
    if (normalized != null) {
      participants.add(normalized);
    }
  }

  int total() {
    return total;
  }

  int accepted() {
    return accepted;
  }

  int cancelled() {
    return cancelled;
  }

  int acceptanceRate() {
    return BookingFacts.percent(accepted, total);
  }

  double totalHours() {
    return BookingFacts.hours(heldMinutes);
  }

  int uniqueParticipants() {
    return participants.size();
  }
}
