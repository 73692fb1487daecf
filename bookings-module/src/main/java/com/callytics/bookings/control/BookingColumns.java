package com.callytics.bookings.control;

import static com.callytics.bookings.control.BookingsDatabase.instantAt;
import static com.callytics.bookings.control.BookingsDatabase.setInteger;
import static com.callytics.bookings.control.BookingsDatabase.setLong;
import static com.callytics.bookings.control.BookingsDatabase.setTimestamp;
import static com.callytics.bookings.control.BookingsDatabase.timestamp;

import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Booking.Attendee;
import com.callytics.bookings.entity.Booking.EventTypeRef;
import com.callytics.bookings.entity.Booking.Host;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of table {@code booking} that hold a booking's fields one by one, so that analytics
 * and the CSV export read plain columns instead of parsing each stored Meeting JSON: written with
 * every upsert, read back as a {@link Booking}.
 *
 * <p>They hold every field analytics and the export read. The rest of a booking (description,
 * metadata, guests, booking field responses, ICS uid, who cancelled or rescheduled, and the ids,
 * user names, time zones, languages and phone numbers of hosts and attendees) is only in the stored
 * JSON ({@code payload}); a booking read from the columns has those empty.
 *
 * <p>Hosts and attendees are packed into one text column each ({@link #packHosts}): one entry per
 * person, separated by U+001E; the fields of an entry separated by U+001F; U+001D stands for an
 * absent value. These three control characters never occur in a name or an e-mail address (a value
 * that holds one has it replaced by a space).
 */
final class BookingColumns {

  /** The columns written and read, in this order; {@code payload} is written only. */
  static final List<String> NAMES =
      List.of(
          "cal_id",
          "status",
          "start_at",
          "end_at",
          "event_type_id",
          "created_at",
          "updated_at",
          "title",
          "duration_minutes",
          "event_type_slug",
          "meeting_url",
          "location",
          "absent_host",
          "rating",
          "cancellation_reason",
          "rescheduling_reason",
          "rescheduled_from_uid",
          "rescheduled_to_uid",
          "hosts",
          "attendees");

  /** The select list that {@link #read} expects, starting with the uid. */
  static final String SELECT_LIST = "uid, " + String.join(", ", NAMES);

  static final int MAX_STATUS_LENGTH = 64;

  private static final char ENTRY = '\u001E';
  private static final char FIELD = '\u001F';
  private static final char ABSENT = '\u001D';
  private static final String ABSENT_VALUE = String.valueOf(ABSENT);

  private BookingColumns() {}

  /**
   * Binds the booking's columns, in the order of {@link #NAMES}, from {@code index} on.
   *
   * @return the next free parameter index
   */
  static int bind(PreparedStatement statement, int index, Booking booking) throws SQLException {
    statement.setLong(index++, booking.id());
    statement.setString(index++, truncate(booking.status(), MAX_STATUS_LENGTH));
    statement.setObject(index++, timestamp(booking.start()));
    statement.setObject(index++, timestamp(booking.end()));
    setLong(statement, index++, booking.eventTypeId());
    setTimestamp(statement, index++, booking.createdAt());
    statement.setObject(index++, timestamp(booking.updatedAt()));
    statement.setString(index++, booking.title());
    statement.setInt(index++, booking.duration());
    statement.setString(index++, booking.eventType() == null ? null : booking.eventType().slug());
    statement.setString(index++, booking.meetingUrl());
    statement.setString(index++, booking.location());
    statement.setBoolean(index++, booking.absentHost());
    setInteger(statement, index++, booking.rating());
    statement.setString(index++, booking.cancellationReason());
    statement.setString(index++, booking.reschedulingReason());
    statement.setString(index++, booking.rescheduledFromUid());
    statement.setString(index++, booking.rescheduledToUid());
    statement.setString(index++, packHosts(booking.hosts()));
    statement.setString(index++, packAttendees(booking.attendees()));
    return index;
  }

  /** The booking of the current row of a query that selected {@link #SELECT_LIST}. */
  static Booking read(ResultSet row) throws SQLException {
    int i = 1;
    String uid = row.getString(i++);
    long calId = row.getLong(i++);
    String status = row.getString(i++);
    Instant start = instantAt(row, i++);
    Instant end = instantAt(row, i++);
    long eventTypeIdValue = row.getLong(i++);
    Long eventTypeId = row.wasNull() ? null : eventTypeIdValue;
    Instant createdAt = instantAt(row, i++);
    Instant updatedAt = instantAt(row, i++);
    String title = row.getString(i++);
    int duration = row.getInt(i++);
    String slug = row.getString(i++);
    String meetingUrl = row.getString(i++);
    String location = row.getString(i++);
    boolean absentHost = row.getBoolean(i++);
    int ratingValue = row.getInt(i++);
    Integer rating = row.wasNull() ? null : ratingValue;
    String cancellationReason = row.getString(i++);
    String reschedulingReason = row.getString(i++);
    String rescheduledFromUid = row.getString(i++);
    String rescheduledToUid = row.getString(i++);
    List<Host> hosts = unpackHosts(row.getString(i++));
    List<Attendee> attendees = unpackAttendees(row.getString(i));
    return new Booking(
        calId,
        uid,
        title,
        null,
        hosts,
        status,
        cancellationReason,
        null,
        reschedulingReason,
        null,
        rescheduledFromUid,
        rescheduledToUid,
        start,
        end,
        duration,
        eventTypeId,
        slug == null ? null : new EventTypeRef(eventTypeId, slug),
        meetingUrl,
        location,
        absentHost,
        createdAt,
        updatedAt,
        null,
        rating,
        null,
        attendees,
        List.of(),
        null);
  }

  /** Name and e-mail of each host, packed. */
  static String packHosts(List<Host> hosts) {
    StringBuilder packed = new StringBuilder();
    for (Host host : hosts) {
      entry(packed).append(field(host.name())).append(FIELD).append(field(host.email()));
    }
    return packed.toString();
  }

  /** Name, e-mail and no-show flag ({@code 1} or {@code 0}) of each attendee, packed. */
  static String packAttendees(List<Attendee> attendees) {
    StringBuilder packed = new StringBuilder();
    for (Attendee attendee : attendees) {
      entry(packed)
          .append(field(attendee.name()))
          .append(FIELD)
          .append(field(attendee.email()))
          .append(FIELD)
          .append(attendee.absent() ? '1' : '0');
    }
    return packed.toString();
  }

  static List<Host> unpackHosts(String packed) {
    List<Host> hosts = new ArrayList<>(1);
    for (String[] fields : unpack(packed, 2)) {
      hosts.add(new Host(null, fields[0], fields[1], null, null));
    }
    return hosts;
  }

  static List<Attendee> unpackAttendees(String packed) {
    List<Attendee> attendees = new ArrayList<>(1);
    for (String[] fields : unpack(packed, 3)) {
      attendees.add(new Attendee(fields[0], fields[1], null, null, "1".equals(fields[2]), null));
    }
    return attendees;
  }

  private static List<String[]> unpack(String packed, int width) {
    if (packed == null || packed.isEmpty()) {
      return List.of();
    }
    List<String[]> entries = new ArrayList<>(1);
    int position = 0;
    while (position <= packed.length()) {
      int entryEnd = packed.indexOf(ENTRY, position);
      if (entryEnd < 0) {
        entryEnd = packed.length();
      }
      String[] fields = new String[width];
      int fieldStart = position;
      for (int f = 0; f < width; f++) {
        int fieldEnd = f == width - 1 ? entryEnd : packed.indexOf(FIELD, fieldStart);
        if (fieldEnd < 0 || fieldEnd > entryEnd) {
          fieldEnd = entryEnd;
        }
        String value = packed.substring(fieldStart, fieldEnd);
        fields[f] = ABSENT_VALUE.equals(value) ? null : value;
        fieldStart = Math.min(fieldEnd + 1, entryEnd);
      }
      entries.add(fields);
      position = entryEnd + 1;
    }
    return entries;
  }

  private static StringBuilder entry(StringBuilder packed) {
    return packed.isEmpty() ? packed : packed.append(ENTRY);
  }

  private static String field(String value) {
    if (value == null) {
      return ABSENT_VALUE;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ENTRY || c == FIELD || c == ABSENT) {
        return value.replace(ENTRY, ' ').replace(FIELD, ' ').replace(ABSENT, ' ');
      }
    }
    return value;
  }

  private static String truncate(String text, int length) {
    return text.length() > length ? text.substring(0, length) : text;
  }
}
