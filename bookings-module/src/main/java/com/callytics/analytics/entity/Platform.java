package com.callytics.analytics.entity;

import com.callytics.bookings.entity.Booking;
import java.util.List;
import java.util.Locale;

/**
 * The video platform a booking takes place on, recognised from its meeting URL and, failing that,
 * from its location (case-insensitive "contains" on known markers).
 */
public enum Platform {
  GOOGLE_MEET("google-meet", "Google Meet", "meet.google.com", "integrations:google:meet"),
  ZOOM("zoom", "Zoom", "zoom.us", "integrations:zoom"),
  CAL_VIDEO("cal-video", "Cal.com Video", "app.cal.com", "integrations:daily", "cal.com/video"),
  OTHER("other", "Other");

  private final String key;
  private final String label;
  private final List<String> markers;

  Platform(String key, String label, String... markers) {
    this.key = key;
    this.label = label;
    this.markers = List.of(markers);
  }

  /** A stable lower-case identifier, e.g. {@code google-meet}. */
  public String key() {
    return key;
  }

  /** The name shown to users, e.g. {@code Google Meet}. */
  public String label() {
    return label;
  }

  /**
   * The platform of a booking: recognised from {@code meetingUrl}; when that names no known
   * platform (or is absent), from {@code location}; else {@link #OTHER}.
   */
  public static Platform of(Booking booking) {
    Platform byUrl = recognise(booking.meetingUrl());
    return byUrl != OTHER ? byUrl : recognise(booking.location());
  }

  /** The platform a URL or Cal.com location names, {@link #OTHER} when none (or {@code null}). */
  public static Platform recognise(String text) {
    if (text == null || text.isBlank()) {
      return OTHER;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (Platform platform : values()) {
      for (String marker : platform.markers) {
        if (lower.contains(marker)) {
          return platform;
        }
      }
    }
    return OTHER;
  }
}
