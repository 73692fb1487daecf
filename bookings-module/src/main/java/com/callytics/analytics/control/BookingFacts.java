package com.callytics.analytics.control;

import com.callytics.bookings.entity.Booking;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** What analytics read from a booking, in one place so that every section reads it alike. */
final class BookingFacts {

  static final String ACCEPTED = "accepted";
  static final String CANCELLED = "cancelled";
  static final String REJECTED = "rejected";
  static final String COMPLETED = "completed";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private BookingFacts() {}

  /** The status, lower-cased and trimmed ({@code ""} for none). */
  static String status(Booking booking) {
    return booking.status().trim().toLowerCase(Locale.ROOT);
  }

  static boolean isAccepted(Booking booking) {
    return ACCEPTED.equals(status(booking));
  }

  static boolean isCancelled(Booking booking) {
    return CANCELLED.equals(status(booking));
  }

  /** Whether the meeting takes (or took) place: neither cancelled nor rejected. */
  static boolean isHeld(Booking booking) {
    String status = status(booking);
    return !CANCELLED.equals(status) && !REJECTED.equals(status);
  }

  /** The duration in minutes; from start and end when the booking carries none. */
  static int minutes(Booking booking) {
    if (booking.duration() > 0) {
      return booking.duration();
    }
    return (int) Math.max(0, Duration.between(booking.start(), booking.end()).toMinutes());
  }

  /**
   * An e-mail address for comparison: lower-cased, without any white space; {@code null} when
   * blank.
   */
  static String normalizeEmail(String email) {
    if (email == null) {
      return null;
    }
    // the usual address has no white space: no regular expression for it (hot path)
    String normalized =
        hasWhitespace(email)
            ? WHITESPACE.matcher(email).replaceAll("").toLowerCase(Locale.ROOT)
            : email.toLowerCase(Locale.ROOT);
    return normalized.isEmpty() ? null : normalized;
  }

  private static boolean hasWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A booking with exactly one attendee who is one of its hosts. */
  static boolean isSelfMeeting(Booking booking) {
    if (booking.attendees().size() != 1) {
      return false;
    }
    String attendee = normalizeEmail(booking.attendees().get(0).email());
    return attendee != null
        && booking.hosts().stream().anyMatch(host -> attendee.equals(normalizeEmail(host.email())));
  }

  /** The event type id from the booking or its event type reference, {@code null} when none. */
  static Long eventTypeId(Booking booking) {
    if (booking.eventTypeId() != null) {
      return booking.eventTypeId();
    }
    return booking.eventType() == null ? null : booking.eventType().id();
  }

  /** The slug, {@code event-<id>} without slug, {@code null} without event type. */
  static String eventTypeSlug(Booking booking) {
    if (booking.eventType() != null && !isBlank(booking.eventType().slug())) {
      return booking.eventType().slug().trim();
    }
    Long id = eventTypeId(booking);
    return id == null ? null : "event-" + id;
  }

  /** Whether the booking matches an event type filter ({@code null}: every booking matches). */
  static boolean matchesEventType(Booking booking, Long eventTypeId) {
    if (eventTypeId == null) {
      return true;
    }
    return eventTypeId.equals(booking.eventTypeId())
        || (booking.eventType() != null && eventTypeId.equals(booking.eventType().id()));
  }

  /** The URL when it is an absolute http(s) URL with a host, else {@code null}. */
  static String validMeetingUrl(String url) {
    if (isBlank(url)) {
      return null;
    }
    String trimmed = url.trim();
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme();
      boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return web && uri.getHost() != null && !uri.getHost().isBlank() ? trimmed : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** Collapses runs of white space to one space and trims. */
  static String squeeze(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").trim();
  }

  /** {@code part} of {@code whole} in %, rounded; 0 when {@code whole} is 0. */
  static int percent(long part, long whole) {
    return whole == 0 ? 0 : (int) Math.round(part * 100.0 / whole);
  }

  /** Rounds to one decimal. */
  static double oneDecimal(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** Minutes as hours with one decimal. */
  static double hours(long minutes) {
    return oneDecimal(minutes / 60.0);
  }
}
