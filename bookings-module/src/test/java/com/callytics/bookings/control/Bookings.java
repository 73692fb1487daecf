package com.callytics.bookings.control;

import com.callytics.bookings.entity.Booking;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bookings for the store and sync tests. */
final class Bookings {

  static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  private Bookings() {}

  /** Booking number {@code n}: created n minutes after the epoch, starting n hours after it. */
  static Booking number(int n) {
    return number(n, "accepted", EPOCH.plus(Duration.ofMinutes(n)));
  }

  static Booking number(int n, String status, Instant updatedAt) {
    Instant created = EPOCH.plus(Duration.ofMinutes(n));
    Instant start = EPOCH.plus(Duration.ofHours(n));
    return new Booking(
        n,
        "uid-" + n,
        "Meeting " + n,
        "About " + n,
        List.of(new Booking.Host(7L, "Hana Host", "hana@example.com", "hana", "Europe/Berlin")),
        status,
        status.equals("cancelled") ? "changed plans" : null,
        null,
        null,
        null,
        null,
        null,
        start,
        start.plus(Duration.ofMinutes(30)),
        30,
        (long) (n % 3),
        new Booking.EventTypeRef((long) (n % 3), "type-" + (n % 3)),
        "https://meet.google.com/abc-" + n,
        "integrations:google:meet",
        n % 10 == 0,
        created,
        updatedAt,
        "{\"n\":" + n + "}",
        n % 5 == 0 ? 4 : null,
        "ics-" + n,
        List.of(
            new Booking.Attendee(
                "Guest " + n, "guest" + n + "@example.com", "UTC", "en", n % 7 == 0, null)),
        List.of(),
        "{}");
  }
}
