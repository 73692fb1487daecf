package com.callytics.analytics.boundary;

import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.platform.boundary.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the query parameters of the analytics endpoints ({@code from}, {@code to}, {@code tz},
 * {@code eventTypeId}) into an {@link AnalyticsRequest}, computed at the injected clock's now.
 *
 * <ul>
 *   <li>{@code tz}: an IANA time zone id ({@code Europe/Berlin}); UTC when absent.
 *   <li>{@code from}, {@code to}: an ISO-8601 date ({@code 2026-01-01}, the start of that day in
 *       {@code tz}), an instant ({@code 2026-01-01T08:00:00Z}), a date-time with offset ({@code
 *       2026-01-01T09:00:00+01:00}) or a local date-time ({@code 2026-01-01T09:00}, read in {@code
 *       tz}). Either may be left out for an open range; {@code from} must be before {@code to}.
 *   <li>{@code eventTypeId}: a positive whole number; no filter when absent.
 * </ul>
 *
 * A blank value counts as absent (an empty form field). Anything else is a 400 problem whose {@code
 * errors} member maps each bad parameter to what is wrong with it; the given value is never
 * repeated back.
 */
@ApplicationScoped
public class AnalyticsParameters {

  static final String TITLE = "Invalid analytics request";

  /** Dates outside these bounds are typing mistakes, not bookings. */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

  /** Longer ranges would only add empty timeline periods. */
  static final Duration LONGEST_RANGE = Duration.ofDays(25 * 366);

  private static final Pattern POSITIVE_NUMBER = Pattern.compile("\\+?\\d{1,18}");
  private static final int MAX_VALUE_LENGTH = 64;

  @Inject Clock clock;

  public AnalyticsParameters() {}

  /** For tests and callers outside CDI. */
  public AnalyticsParameters(Clock clock) {
    this.clock = clock;
  }

  /**
   * The request these parameters describe, at the clock's now.
   *
   * @throws ProblemException 400 naming every parameter that is invalid
   */
  public AnalyticsRequest parse(String from, String to, String tz, String eventTypeId) {
    Map<String, String> errors = new LinkedHashMap<>();
    ZoneId zone = zone(tz, errors);
    Instant start = zone == null ? null : instant("from", from, zone, errors);
    Instant end = zone == null ? null : instant("to", to, zone, errors);
    Long eventType = eventTypeId(eventTypeId, errors);
    if (start != null && end != null) {
      if (!start.isBefore(end)) {
        errors.put("to", "must be after from");
      } else if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
        errors.put("to", "must be at most 25 years after from");
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new AnalyticsRequest(start, end, zone, eventType, clock.instant());
  }

  private static ZoneId zone(String tz, Map<String, String> errors) {
    if (isAbsent(tz)) {
      return ZoneOffset.UTC;
    }
    String id = tz.strip();
    if (id.length() <= MAX_VALUE_LENGTH) {
      try {
        return ZoneId.of(id);
      } catch (DateTimeException e) {
        // reported below
      }
    }
    errors.put("tz", "must be an IANA time zone id such as Europe/Berlin");
    return null;
  }

  private static Instant instant(
      String field, String value, ZoneId zone, Map<String, String> errors) {
    if (isAbsent(value)) {
      return null;
    }
    String text = value.strip();
    Instant instant = text.length() <= MAX_VALUE_LENGTH ? parseInstant(text, zone) : null;
    if (instant == null) {
      errors.put(
          field,
          "must be an ISO-8601 date (2026-01-01) or date-time (2026-01-01T09:00:00Z or"
              + " 2026-01-01T09:00:00+01:00)");
      return null;
    }
    if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
      errors.put(field, "must lie between the years 1970 and 2999");
      return null;
    }
    return instant;
  }

  /** The instant {@code text} names, or {@code null} when it is none of the accepted forms. */
  private static Instant parseInstant(String text, ZoneId zone) {
    try {
      if (!text.contains("T") && !text.contains("t")) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
      }
      String upper = text.toUpperCase(Locale.ROOT);
      if (upper.endsWith("Z") || hasOffset(upper)) {
        return OffsetDateTime.parse(upper).toInstant();
      }
      return LocalDateTime.parse(upper).atZone(zone).toInstant();
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /** Whether the time part ends in an offset such as {@code +01:00} or {@code -0500}. */
  private static boolean hasOffset(String dateTime) {
    int time = dateTime.indexOf('T');
    return dateTime.indexOf('+', time) > 0 || dateTime.indexOf('-', time) > 0;
  }

  private static Long eventTypeId(String value, Map<String, String> errors) {
    if (isAbsent(value)) {
      return null;
    }
    String text = value.strip();
    if (POSITIVE_NUMBER.matcher(text).matches()) {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    }
    errors.put("eventTypeId", "must be a positive whole number");
    return null;
  }

  private static boolean isAbsent(String value) {
    return value == null || value.isBlank();
  }

  private static ProblemException invalid(Map<String, String> errors) {
    String detail =
        errors.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "))
            + ".";
    return new ProblemException(
        400,
        TITLE,
        "Check the analytics parameters: " + detail,
        Map.of("errors", Collections.unmodifiableMap(errors)),
        null);
  }
}
