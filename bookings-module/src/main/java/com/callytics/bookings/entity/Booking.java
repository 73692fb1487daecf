package com.callytics.bookings.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Cal.com booking in Callytics' own terms: what the Cal.com translator produces, what the booking
 * store keeps and what analytics read. Optional values are {@code null}; lists and maps are never
 * {@code null} (empty instead).
 *
 * @param id Cal.com's numeric booking id
 * @param uid Cal.com's booking uid (unique per user)
 * @param status lower-case Cal.com status: accepted, cancelled, rejected, pending, ...
 * @param duration minutes; derived from start/end when Cal.com omits it
 * @param metadata free-form JSON object as text ("{}" when absent)
 * @param bookingFieldsResponses free-form JSON object as text ("{}" when absent)
 */
public record Booking(
    long id,
    String uid,
    String title,
    String description,
    List<Host> hosts,
    String status,
    String cancellationReason,
    String cancelledByEmail,
    String reschedulingReason,
    String rescheduledByEmail,
    String rescheduledFromUid,
    String rescheduledToUid,
    Instant start,
    Instant end,
    int duration,
    Long eventTypeId,
    EventTypeRef eventType,
    String meetingUrl,
    String location,
    boolean absentHost,
    Instant createdAt,
    Instant updatedAt,
    String metadata,
    Integer rating,
    String icsUid,
    List<Attendee> attendees,
    List<String> guests,
    String bookingFieldsResponses) {

  public Booking {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
    attendees = attendees == null ? List.of() : List.copyOf(attendees);
    guests = guests == null ? List.of() : List.copyOf(guests);
    metadata = metadata == null ? "{}" : metadata;
    bookingFieldsResponses = bookingFieldsResponses == null ? "{}" : bookingFieldsResponses;
    title = title == null ? "" : title;
  }

  /** A host of the booking (the Cal.com user or team member it was booked with). */
  public record Host(Long id, String name, String email, String username, String timeZone) {}

  /** Someone who booked; {@code absent} marks a guest no-show. */
  public record Attendee(
      String name,
      String email,
      String timeZone,
      String language,
      boolean absent,
      String phoneNumber) {}

  /** The event type the booking was made from. */
  public record EventTypeRef(Long id, String slug) {}

  public boolean isCancelled() {
    return "cancelled".equals(status);
  }

  public boolean isAccepted() {
    return "accepted".equals(status);
  }
}
