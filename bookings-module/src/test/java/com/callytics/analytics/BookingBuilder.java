package com.callytics.analytics;

import com.callytics.bookings.entity.Booking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made bookings for tests: an accepted 30-minute meeting of host@example.com with
 * guest@example.com unless told otherwise.
 */
public final class BookingBuilder {

  private final String uid;
  private long id;
  private String title = "Meeting";
  private String status = "accepted";
  private Instant start = Instant.parse("2025-03-03T10:00:00Z");
  private int duration = 30;
  private Long eventTypeId;
  private Booking.EventTypeRef eventType;
  private String meetingUrl;
  private String location;
  private boolean absentHost;
  private Instant createdAt;
  private Duration leadTime;
  private Instant updatedAt;
  private Integer rating;
  private String cancellationReason;
  private String reschedulingReason;
  private String rescheduledFromUid;
  private String rescheduledToUid;
  private List<Booking.Host> hosts;
  private List<Booking.Attendee> attendees;

  private BookingBuilder(String uid) {
    this.uid = uid;
    this.id = Math.abs(uid.hashCode());
  }

  public static BookingBuilder booking(String uid) {
    return new BookingBuilder(uid);
  }

  public BookingBuilder id(long id) {
    this.id = id;
    return this;
  }

  public BookingBuilder title(String title) {
    this.title = title;
    return this;
  }

  public BookingBuilder status(String status) {
    this.status = status;
    return this;
  }

  public BookingBuilder cancelled() {
    return status("cancelled");
  }

  public BookingBuilder cancelled(String reason) {
    this.cancellationReason = reason;
    return cancelled();
  }

  public BookingBuilder rejected() {
    return status("rejected");
  }

  public BookingBuilder start(String isoInstant) {
    return start(Instant.parse(isoInstant));
  }

  public BookingBuilder start(Instant start) {
    this.start = start;
    return this;
  }

  public BookingBuilder duration(int minutes) {
    this.duration = minutes;
    return this;
  }

  public BookingBuilder eventType(long id, String slug) {
    this.eventTypeId = id;
    this.eventType = new Booking.EventTypeRef(id, slug);
    return this;
  }

  /** Only the reference, without {@code eventTypeId}. */
  public BookingBuilder eventTypeRef(Long id, String slug) {
    this.eventType = new Booking.EventTypeRef(id, slug);
    return this;
  }

  public BookingBuilder meetingUrl(String meetingUrl) {
    this.meetingUrl = meetingUrl;
    return this;
  }

  public BookingBuilder location(String location) {
    this.location = location;
    return this;
  }

  public BookingBuilder absentHost() {
    this.absentHost = true;
    return this;
  }

  public BookingBuilder createdAt(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  public BookingBuilder bookedAhead(Duration leadTime) {
    this.createdAt = null;
    this.leadTime = leadTime;
    return this;
  }

  public BookingBuilder updatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
    return this;
  }

  public BookingBuilder rating(int rating) {
    this.rating = rating;
    return this;
  }

  public BookingBuilder rescheduledTo(String uid) {
    this.rescheduledToUid = uid;
    return this;
  }

  public BookingBuilder rescheduledFrom(String uid, String reason) {
    this.rescheduledFromUid = uid;
    this.reschedulingReason = reason;
    return this;
  }

  public BookingBuilder host(String name, String email) {
    if (hosts == null) {
      hosts = new ArrayList<>();
    }
    hosts.add(new Booking.Host(null, name, email, null, "UTC"));
    return this;
  }

  public BookingBuilder noHosts() {
    hosts = new ArrayList<>();
    return this;
  }

  public BookingBuilder attendee(String name, String email) {
    return attendee(name, email, false);
  }

  public BookingBuilder absentAttendee(String name, String email) {
    return attendee(name, email, true);
  }

  private BookingBuilder attendee(String name, String email, boolean absent) {
    if (attendees == null) {
      attendees = new ArrayList<>();
    }
    attendees.add(new Booking.Attendee(name, email, "UTC", "en", absent, null));
    return this;
  }

  public BookingBuilder noAttendees() {
    attendees = new ArrayList<>();
    return this;
  }

  public Booking build() {
    List<Booking.Host> h =
        hosts != null
            ? hosts
            : List.of(new Booking.Host(1L, "Host", "host@example.com", "host", "UTC"));
    List<Booking.Attendee> a =
        attendees != null
            ? attendees
            : List.of(new Booking.Attendee("Guest", "guest@example.com", "UTC", "en", false, null));
    Instant created = leadTime != null ? start.minus(leadTime) : createdAt;
    return new Booking(
        id,
        uid,
        title,
        null,
        h,
        status,
        cancellationReason,
        null,
        reschedulingReason,
        null,
        rescheduledFromUid,
        rescheduledToUid,
        start,
        start.plus(Duration.ofMinutes(duration)),
        duration,
        eventTypeId,
        eventType,
        meetingUrl,
        location,
        absentHost,
        created,
        updatedAt,
        null,
        rating,
        null,
        a,
        List.of(),
        null);
  }
}
