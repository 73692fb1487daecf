package com.callytics.bookings.control.cal;

import static com.callytics.bookings.control.cal.CalJsonFields.bool;
import static com.callytics.bookings.control.cal.CalJsonFields.intValue;
import static com.callytics.bookings.control.cal.CalJsonFields.object;

import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Booking.Attendee;
import com.callytics.bookings.entity.Booking.EventTypeRef;
import com.callytics.bookings.entity.Booking.Host;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that maps a Cal.com v2 booking (one element of {@code GET /v2/bookings}'s data) to
 * our {@link Booking}.
 *
 * <p>Lenient by design: a value of the wrong JSON type counts as missing, and missing optional
 * values get defaults (empty title, empty lists, {@code "{}"} for the free-form objects, {@code
 * null} otherwise). Only a booking without a numeric {@code id}, a {@code uid}, or a parsable
 * {@code start} and {@code end} cannot be translated.
 */
@ApplicationScoped
public class CalBookingTranslator {

  /** Status given to a booking that came without one (our model requires a status). */
  public static final String UNKNOWN_STATUS = "unknown";

  private static final String EMPTY_OBJECT = "{}";

  /**
   * Translates one Cal.com booking.
   *
   * @return the booking, or empty when it lacks an id, a uid, or a parsable start or end
   */
  public Optional<Booking> translate(JsonObject cal) {
    Objects.requireNonNull(cal, "cal");
    Long id = longValue(cal, "id");
    String uid = string(cal, "uid");
    Instant start = instant(cal, "start");
    Instant end = instant(cal, "end");
    if (id == null || uid == null || uid.isBlank() || start == null || end == null) {
      return Optional.empty();
    }

    Integer duration = intValue(cal, "duration");
    if (duration == null) {
      duration = (int) Math.max(0, Duration.between(start, end).toMinutes());
    }
    JsonObject eventTypeJson = object(cal, "eventType");
    EventTypeRef eventType = eventType(eventTypeJson);
    Long eventTypeId = longValue(cal, "eventTypeId");
    if (eventTypeId == null && eventType != null) {
      eventTypeId = eventType.id();
    }
    JsonObject responses = object(cal, "bookingFieldsResponses");
    String reschedulingReason = string(cal, "reschedulingReason");
    if (reschedulingReason == null && responses != null) {
      reschedulingReason = string(responses, "rescheduleReason");
    }
    Instant createdAt = instant(cal, "createdAt");
    Instant updatedAt = instant(cal, "updatedAt");
    if (updatedAt == null) {
      updatedAt = createdAt != null ? createdAt : start;
    }
    String status = string(cal, "status");
    JsonObject metadata = object(cal, "metadata");
    Boolean absentHost = bool(cal, "absentHost");

    return Optional.of(
        new Booking(
            id,
            uid,
            string(cal, "title"),
            string(cal, "description"),
            objects(cal, "hosts", CalBookingTranslator::host),
            status == null ? UNKNOWN_STATUS : status.toLowerCase(Locale.ROOT),
            string(cal, "cancellationReason"),
            string(cal, "cancelledByEmail"),
            reschedulingReason,
            string(cal, "rescheduledByEmail"),
            string(cal, "rescheduledFromUid"),
            string(cal, "rescheduledToUid"),
            start,
            end,
            duration,
            eventTypeId,
            eventType,
            string(cal, "meetingUrl"),
            string(cal, "location"),
            absentHost != null && absentHost,
            createdAt,
            updatedAt,
            metadata == null ? EMPTY_OBJECT : metadata.toString(),
            intValue(cal, "rating"),
            string(cal, "icsUid"),
            objects(cal, "attendees", CalBookingTranslator::attendee),
            strings(cal, "guests"),
            responses == null ? EMPTY_OBJECT : responses.toString()));
  }

  private static Host host(JsonObject host) {
    return new Host(
        longValue(host, "id"),
        string(host, "name"),
        string(host, "email"),
        string(host, "username"),
        string(host, "timeZone"));
  }

  private static Attendee attendee(JsonObject attendee) {
    Boolean absent = bool(attendee, "absent");
    return new Attendee(
        string(attendee, "name"),
        string(attendee, "email"),
        string(attendee, "timeZone"),
        language(attendee),
        absent != null && absent,
        string(attendee, "phoneNumber"));
  }

  /** Cal.com sends either {@code "en"} or {@code {"locale": "en"}}. */
  private static String language(JsonObject attendee) {
    String language = string(attendee, "language");
    if (language != null) {
      return language;
    }
    JsonObject object = object(attendee, "language");
    return object == null ? null : string(object, "locale");
  }

  private static EventTypeRef eventType(JsonObject eventType) {
    if (eventType == null) {
      return null;
    }
    Long id = longValue(eventType, "id");
    String slug = string(eventType, "slug");
    return id == null && slug == null ? null : new EventTypeRef(id, slug);
  }

  // --- typed reads: a value of the wrong type is treated as missing ---

  private static String string(JsonObject json, String name) {
    return json.get(name) instanceof JsonString string ? string.getString() : null;
  }

  private static Long longValue(JsonObject json, String name) {
    if (json.get(name) instanceof JsonNumber number && number.isIntegral()) {
      try {
        return number.longValueExact();
      } catch (ArithmeticException tooLarge) {
        return null;
      }
    }
    return null;
  }

  /** An ISO-8601 instant with {@code Z} or an offset (or a zone); anything else is missing. */
  private static Instant instant(JsonObject json, String name) {
    String text = string(json, name);
    if (text == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text.strip(), DateTimeFormatter.ISO_DATE_TIME).toInstant();
    } catch (DateTimeParseException notAnInstant) {
      return null;
    }
  }

  private static <T> List<T> objects(JsonObject json, String name, Function<JsonObject, T> mapper) {
    if (!(json.get(name) instanceof JsonArray array)) {
      return List.of();
    }
    List<T> items = new ArrayList<>(array.size());
    for (JsonValue item : array) {
      if (item instanceof JsonObject object) {
        items.add(mapper.apply(object));
      }
    }
    return items;
  }

  private static List<String> strings(JsonObject json, String name) {
    if (!(json.get(name) instanceof JsonArray array)) {
      return List.of();
    }
    List<String> items = new ArrayList<>(array.size());
    for (JsonValue item : array) {
      if (item instanceof JsonString string) {
        items.add(string.getString());
      }
    }
    return items;
  }
}
