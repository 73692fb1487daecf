package com.callytics.emulator;

import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes bookings in Cal.com's v2 booking JSON shape. */
final class BookingJson {
  private BookingJson() {}

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2026-03-01T09:30:00.000Z}. */
  static String instant(long epochMs) {
    long epochDay = Math.floorDiv(epochMs, 86_400_000L);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return INSTANT.format(Instant.ofEpochMilli(epochMs));
    }
    int msOfDay = (int) (epochMs - epochDay * 86_400_000L);
    char[] c = new char[24];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, date.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, date.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, msOfDay / 3_600_000, 2);
    c[13] = ':';
    digits(c, 14, msOfDay / 60_000 % 60, 2);
    c[16] = ':';
    digits(c, 17, msOfDay / 1000 % 60, 2);
    c[19] = '.';
    digits(c, 20, msOfDay % 1000, 3);
    c[23] = 'Z';
    return new String(c);
  }

  static void digits(char[] out, int offset, int value, int width) {
    for (int i = offset + width - 1; i >= offset; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static long eventTypeId(long userId, int eventType) {
    return userId * 10 + eventType + 1;
  }

  static void write(JsonGenerator g, Booking b, Booking[] all, User user) {
    char firstAttendee = b.people[0];
    int firstHost = b.host(0);
    g.writeStartObject();
    g.write("id", b.id);
    g.write("uid", b.uid);
    g.write(
        "title",
        Pools.EVENT_TITLES[b.eventType]
            + " between "
            + hostName(firstHost, user)
            + " and "
            + Pools.name(firstAttendee));
    writeNullable(g, "description", description(b));

    g.writeStartArray("hosts");
    for (int h = 0; h < b.hostCount(); h++) {
      int host = b.host(h);
      g.writeStartObject();
      g.write("id", host == 0 ? user.id() : Pools.TEAM_IDS[host - 1]);
      g.write("name", hostName(host, user));
      g.write("email", host == 0 ? user.email() : Pools.TEAM_EMAILS[host - 1]);
      g.write("username", host == 0 ? user.username() : Pools.TEAM_USERNAMES[host - 1]);
      g.write("timeZone", host == 0 ? user.timeZone() : Pools.TEAM_TIME_ZONES[host - 1]);
      g.writeEnd();
    }
    g.writeEnd();

    g.write("status", Booking.statusName(b.status));
    writeNullable(g, "cancellationReason", cancelReason(b));
    writeNullable(g, "cancelledByEmail", byEmail(b, b.cancelledBy, user));
    writeNullable(
        g,
        "reschedulingReason",
        b.rescheduleReason < 0 ? null : Pools.RESCHEDULE_REASONS[b.rescheduleReason]);
    writeNullable(g, "rescheduledByEmail", byEmail(b, b.rescheduledBy, user));
    writeNullable(
        g, "rescheduledFromUid", b.rescheduledFrom < 0 ? null : all[b.rescheduledFrom].uid);
    writeNullable(g, "rescheduledToUid", b.rescheduledTo < 0 ? null : all[b.rescheduledTo].uid);
    g.write("start", instant(b.startMs));
    g.write("end", instant(b.endMs()));
    g.write("duration", b.durationMin);
    long eventTypeId = eventTypeId(user.id(), b.eventType);
    g.write("eventTypeId", eventTypeId);
    g.writeStartObject("eventType");
    g.write("id", eventTypeId);
    g.write("slug", Pools.EVENT_SLUGS[b.eventType]);
    g.writeEnd();
    String meetingUrl = meetingUrl(b);
    writeNullable(g, "meetingUrl", meetingUrl);
    g.write("location", location(b, meetingUrl));
    g.write("absentHost", b.absentHost);
    g.write("createdAt", instant(b.createdMs));
    g.write("updatedAt", instant(b.updatedMs));
    g.writeStartObject("metadata").writeEnd();
    if (b.rating == 0) {
      g.writeNull("rating");
    } else {
      g.write("rating", b.rating);
    }
    g.write("icsUid", b.uid + "@Cal.com");

    g.writeStartArray("attendees");
    for (int a = 0; a < b.attendeeCount; a++) {
      char p = b.people[a];
      g.writeStartObject();
      g.write("name", Pools.name(p));
      g.write("email", Pools.email(p));
      g.write("timeZone", Pools.timeZone(p));
      g.write("language", Pools.language(p));
      g.write("absent", b.attendeeAbsent(a));
      writeNullable(g, "phoneNumber", Pools.phoneNumber(p));
      g.writeEnd();
    }
    g.writeEnd();

    g.writeStartArray("guests");
    for (int i = b.attendeeCount; i < b.people.length; i++) {
      g.write(Pools.email(b.people[i]));
    }
    g.writeEnd();

    g.writeStartObject("bookingFieldsResponses");
    g.write("name", Pools.name(firstAttendee));
    g.write("email", Pools.email(firstAttendee));
    String phone = Pools.phoneNumber(firstAttendee);
    if (phone != null) {
      g.write("attendeePhoneNumber", phone);
    }
    String notes = description(b);
    if (notes != null) {
      g.write("notes", notes);
    }
    g.writeStartArray("guests");
    for (int i = b.attendeeCount; i < b.people.length; i++) {
      g.write(Pools.email(b.people[i]));
    }
    g.writeEnd();
    g.writeEnd();

    g.writeEnd();
  }

  private static void writeNullable(JsonGenerator g, String name, String value) {
    if (value == null) {
      g.writeNull(name);
    } else {
      g.write(name, value);
    }
  }

  private static String hostName(int host, User user) {
    return host == 0 ? user.name() : Pools.TEAM_NAMES[host - 1];
  }

  private static String description(Booking b) {
    if (b.description < 0) {
      return null;
    }
    return b.description == Pools.CHANGED_DESCRIPTION
        ? Pools.CHANGED_DESCRIPTION_TEXT
        : Pools.DESCRIPTIONS[b.description];
  }

  private static String cancelReason(Booking b) {
    if (b.cancelReason < 0) {
      return null;
    }
    return b.cancelReason == Pools.CHANGED_CANCEL_REASON
        ? Pools.CHANGED_CANCEL_REASON_TEXT
        : Pools.CANCEL_REASONS[b.cancelReason];
  }

  private static String byEmail(Booking b, byte by, User user) {
    switch (by) {
      case Booking.BY_HOST:
        int host = b.host(0);
        return host == 0 ? user.email() : Pools.TEAM_EMAILS[host - 1];
      case Booking.BY_ATTENDEE:
        return Pools.email(b.people[0]);
      default:
        return null;
    }
  }

  private static String meetingUrl(Booking b) {
    switch (b.platform) {
      case Pools.PLATFORM_GOOGLE_MEET:
      case Pools.PLATFORM_GOOGLE_LINK:
        return googleMeetUrl(b.id);
      case Pools.PLATFORM_ZOOM:
      case Pools.PLATFORM_ZOOM_LINK:
        return "https://zoom.us/j/" + (10_000_000_000L + Math.floorMod(mix(b.id), 89_999_999_999L));
      case Pools.PLATFORM_CAL_VIDEO:
      case Pools.PLATFORM_CAL_VIDEO_LINK:
        return "https://app.cal.com/video/" + b.uid;
      default:
        return null;
    }
  }

  private static String location(Booking b, String meetingUrl) {
    switch (b.platform) {
      case Pools.PLATFORM_GOOGLE_MEET:
        return "integrations:google:meet";
      case Pools.PLATFORM_ZOOM:
        return "integrations:zoom";
      case Pools.PLATFORM_CAL_VIDEO:
        return "integrations:daily";
      case Pools.PLATFORM_ADDRESS:
        return Pools.ADDRESSES[(int) Math.floorMod(b.id, Pools.ADDRESSES.length)];
      default:
        return meetingUrl;
    }
  }

  private static String googleMeetUrl(long id) {
    long h = mix(id) >>> 1;
    char[] code = new char[12];
    for (int i = 0; i < code.length; i++) {
      if (i == 3 || i == 8) {
        code[i] = '-';
      } else {
        code[i] = (char) ('a' + h % 26);
        h /= 26;
      }
    }
    return "https://meet.google.com/" + new String(code);
  }

  private static long mix(long x) {
    long z = x * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
