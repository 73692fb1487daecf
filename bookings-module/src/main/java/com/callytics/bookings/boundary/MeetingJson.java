package com.callytics.bookings.boundary;

import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Booking.Attendee;
import com.callytics.bookings.entity.Booking.EventTypeRef;
import com.callytics.bookings.entity.Booking.Host;
import com.callytics.bookings.entity.Pagination;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON our API gives for bookings ("meetings"): each booking with the same member names as a
 * Cal.com v2 booking, inside the same {@code {status, data, pagination, error}} envelope. Missing
 * values are written as JSON {@code null}; instants as ISO-8601 UTC.
 */
public final class MeetingJson {

  private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private MeetingJson() {}

  /** One booking as a JSON object. */
  public static JsonObject toJson(Booking booking) {
    Objects.requireNonNull(booking, "booking");
    JsonObjectBuilder json = BUILDERS.createObjectBuilder();
    json.add("id", booking.id());
    json.add("uid", booking.uid());
    add(json, "title", booking.title());
    add(json, "description", booking.description());
    JsonArrayBuilder hosts = BUILDERS.createArrayBuilder();
    booking.hosts().forEach(host -> hosts.add(host(host)));
    json.add("hosts", hosts);
    json.add("status", booking.status());
    add(json, "cancellationReason", booking.cancellationReason());
    add(json, "cancelledByEmail", booking.cancelledByEmail());
    add(json, "reschedulingReason", booking.reschedulingReason());
    add(json, "rescheduledByEmail", booking.rescheduledByEmail());
    add(json, "rescheduledFromUid", booking.rescheduledFromUid());
    add(json, "rescheduledToUid", booking.rescheduledToUid());
    add(json, "start", booking.start());
    add(json, "end", booking.end());
    json.add("duration", booking.duration());
    add(json, "eventTypeId", booking.eventTypeId());
    json.add("eventType", eventType(booking.eventType()));
    add(json, "meetingUrl", booking.meetingUrl());
    add(json, "location", booking.location());
    json.add("absentHost", booking.absentHost());
    add(json, "createdAt", booking.createdAt());
    add(json, "updatedAt", booking.updatedAt());
    json.add("metadata", object(booking.metadata()));
    if (booking.rating() == null) {
      json.addNull("rating");
    } else {
      json.add("rating", booking.rating());
    }
    add(json, "icsUid", booking.icsUid());
    JsonArrayBuilder attendees = BUILDERS.createArrayBuilder();
    booking.attendees().forEach(attendee -> attendees.add(attendee(attendee)));
    json.add("attendees", attendees);
    JsonArrayBuilder guests = BUILDERS.createArrayBuilder();
    booking.guests().forEach(guests::add);
    json.add("guests", guests);
    json.add("bookingFieldsResponses", object(booking.bookingFieldsResponses()));
    return json.build();
  }

  /** {@code {"status":"success","data":[...],"pagination":{...},"error":{}}}. */
  public static JsonObject envelope(List<Booking> bookings, Pagination pagination) {
    Objects.requireNonNull(bookings, "bookings");
    Objects.requireNonNull(pagination, "pagination");
    JsonArrayBuilder data = BUILDERS.createArrayBuilder();
    bookings.forEach(booking -> data.add(toJson(booking)));
    return BUILDERS
        .createObjectBuilder()
        .add("status", "success")
        .add("data", data)
        .add("pagination", pagination(pagination))
        .add("error", JsonValue.EMPTY_JSON_OBJECT)
        .build();
  }

  /**
   * {@code {"status":"error","data":[],"pagination":{},"error":{"message":...,"details":...}}};
   * {@code details} is left out when {@code null}.
   */
  public static JsonObject errorEnvelope(String message, JsonValue details) {
    Objects.requireNonNull(message, "message");
    JsonObjectBuilder error = BUILDERS.createObjectBuilder().add("message", message);
    if (details != null && details != JsonValue.NULL) {
      error.add("details", details);
    }
    return BUILDERS
        .createObjectBuilder()
        .add("status", "error")
        .add("data", JsonValue.EMPTY_JSON_ARRAY)
        .add("pagination", JsonValue.EMPTY_JSON_OBJECT)
        .add("error", error)
        .build();
  }

  /** The pagination object with Cal.com's member names. */
  public static JsonObject pagination(Pagination pagination) {
    Objects.requireNonNull(pagination, "pagination");
    return BUILDERS
        .createObjectBuilder()
        .add("totalItems", pagination.totalItems())
        .add("remainingItems", pagination.remainingItems())
        .add("returnedItems", pagination.returnedItems())
        .add("itemsPerPage", pagination.itemsPerPage())
        .add("currentPage", pagination.currentPage())
        .add("totalPages", pagination.totalPages())
        .add("hasNextPage", pagination.hasNextPage())
        .add("hasPreviousPage", pagination.hasPreviousPage())
        .build();
  }

  private static JsonObject host(Host host) {
    JsonObjectBuilder json = BUILDERS.createObjectBuilder();
    add(json, "id", host.id());
    add(json, "name", host.name());
    add(json, "email", host.email());
    add(json, "username", host.username());
    add(json, "timeZone", host.timeZone());
    return json.build();
  }

  private static JsonObject attendee(Attendee attendee) {
    JsonObjectBuilder json = BUILDERS.createObjectBuilder();
    add(json, "name", attendee.name());
    add(json, "email", attendee.email());
    add(json, "timeZone", attendee.timeZone());
    add(json, "language", attendee.language());
    json.add("absent", attendee.absent());
    add(json, "phoneNumber", attendee.phoneNumber());
    return json.build();
  }

  private static JsonValue eventType(EventTypeRef eventType) {
    if (eventType == null) {
      return JsonValue.NULL;
    }
    JsonObjectBuilder json = BUILDERS.createObjectBuilder();
    add(json, "id", eventType.id());
    add(json, "slug", eventType.slug());
    return json.build();
  }

  /** Free-form JSON kept as text; text that is not a JSON object is written as {@code {}}. */
  private static JsonObject object(String text) {
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      return reader.readValue() instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    } catch (JsonException | IllegalStateException notJson) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  private static void add(JsonObjectBuilder json, String name, Long value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value.longValue());
    }
  }

  private static void add(JsonObjectBuilder json, String name, Instant value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value.toString());
    }
  }
}
