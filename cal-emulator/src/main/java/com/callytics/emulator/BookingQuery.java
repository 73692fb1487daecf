package com.callytics.emulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed query of {@code GET /v2/bookings}. All filters combine with AND; the status values
 * combine with OR; all date bounds are inclusive.
 */
final class BookingQuery {
  static final int DEFAULT_TAKE = 100;
  static final int MAX_TAKE = 250;

  static final int S_UPCOMING = 1;
  static final int S_RECURRING = 1 << 1;
  static final int S_PAST = 1 << 2;
  static final int S_CANCELLED = 1 << 3;
  static final int S_UNCONFIRMED = 1 << 4;
  static final int S_ACCEPTED = 1 << 5;
  static final int S_PENDING = 1 << 6;
  static final int S_REJECTED = 1 << 7;
  static final int S_COMPLETED = 1 << 8;

  /** One sort key: field is start, end, created or updated. */
  record Sort(String field, boolean ascending) {}

  int statusMask;
  String attendeeEmailLocal;
  String attendeeEmailDomain;
  String attendeeName;
  String bookingUid;
  long[] eventTypeIds;
  long afterStart = Long.MIN_VALUE;
  long beforeEnd = Long.MAX_VALUE;
  long afterCreated = Long.MIN_VALUE;
  long beforeCreated = Long.MAX_VALUE;
  long afterUpdated = Long.MIN_VALUE;
  long beforeUpdated = Long.MAX_VALUE;
  final List<Sort> sorts = new ArrayList<>();
  int take = DEFAULT_TAKE;
  int skip;

  static BookingQuery parse(List<Map.Entry<String, String>> params) throws BadRequestException {
    BookingQuery q = new BookingQuery();
    List<Long> eventTypes = null;
    for (Map.Entry<String, String> param : params) {
      String value = param.getValue().trim();
      switch (param.getKey()) {
        case "status":
        case "status[]":
          for (String s : splitList(value)) {
            q.statusMask |= statusBit(s);
          }
          break;
        case "attendeeEmail":
          if (!value.isEmpty()) {
            int at = value.lastIndexOf('@');
            if (at < 0) {
              q.attendeeEmailLocal = value.toLowerCase(Locale.ROOT);
              q.attendeeEmailDomain = "";
            } else {
              q.attendeeEmailLocal = value.substring(0, at).toLowerCase(Locale.ROOT);
              q.attendeeEmailDomain = value.substring(at + 1).toLowerCase(Locale.ROOT);
            }
          }
          break;
        case "attendeeName":
          if (!value.isEmpty()) {
            q.attendeeName = value.toLowerCase(Locale.ROOT);
          }
          break;
        case "bookingUid":
          if (!value.isEmpty()) {
            q.bookingUid = value;
          }
          break;
        case "eventTypeIds":
        case "eventTypeId":
          if (eventTypes == null) {
            eventTypes = new ArrayList<>();
          }
          for (String s : splitList(value)) {
            eventTypes.add(parseLong(param.getKey(), s));
          }
          break;
        case "teamIds":
        case "teamId":
          for (String s : splitList(value)) {
            parseLong(param.getKey(), s); // accepted and validated, no effect
          }
          break;
        case "afterStart":
          q.afterStart = ceilMillis(parseInstant(param.getKey(), value));
          break;
        case "beforeEnd":
          q.beforeEnd = floorMillis(parseInstant(param.getKey(), value));
          break;
        case "afterCreatedAt":
          q.afterCreated = ceilMillis(parseInstant(param.getKey(), value));
          break;
        case "beforeCreatedAt":
          q.beforeCreated = floorMillis(parseInstant(param.getKey(), value));
          break;
        case "afterUpdatedAt":
          q.afterUpdated = ceilMillis(parseInstant(param.getKey(), value));
          break;
        case "beforeUpdatedAt":
          q.beforeUpdated = floorMillis(parseInstant(param.getKey(), value));
          break;
        case "sortStart":
          q.addSort("start", param.getKey(), value);
          break;
        case "sortEnd":
          q.addSort("end", param.getKey(), value);
          break;
        case "sortCreated":
          q.addSort("created", param.getKey(), value);
          break;
        case "sortUpdatedAt":
          q.addSort("updated", param.getKey(), value);
          break;
        case "take":
          q.take = (int) parseLong("take", value);
          if (q.take < 1) {
            throw new BadRequestException("take must not be less than 1");
          }
          if (q.take > MAX_TAKE) {
            throw new BadRequestException("take must not be greater than " + MAX_TAKE);
          }
          break;
        case "skip":
          long skip = parseLong("skip", value);
          if (skip < 0) {
            throw new BadRequestException("skip must not be less than 0");
          }
          q.skip = (int) Math.min(skip, Integer.MAX_VALUE);
          break;
        default:
          break; // unknown parameters are ignored, as Cal.com does
      }
    }
    if (eventTypes != null) {
      q.eventTypeIds = eventTypes.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(q.eventTypeIds);
    }
    return q;
  }

  private void addSort(String field, String param, String value) throws BadRequestException {
    String v = value.toLowerCase(Locale.ROOT);
    if (!v.equals("asc") && !v.equals("desc")) {
      throw new BadRequestException(param + " must be one of the following values: asc, desc");
    }
    sorts.removeIf(s -> s.field().equals(field));
    sorts.add(new Sort(field, v.equals("asc")));
  }

  /** Whether the result order is the generated one (start ascending, then id ascending). */
  boolean naturalOrder() {
    return sorts.isEmpty() || (sorts.size() == 1 && sorts.get(0).equals(new Sort("start", true)));
  }

  /** Whether the result depends on "now" (upcoming, past, completed). */
  boolean timeRelative() {
    return (statusMask & (S_UPCOMING | S_PAST | S_COMPLETED)) != 0;
  }

  /** Identifies the filters and sort (not the page): equal keys select equal lists. */
  String resultKey() {
    StringBuilder b = new StringBuilder(96);
    b.append(statusMask).append('|').append(attendeeEmailLocal).append('@');
    b.append(attendeeEmailDomain).append('|').append(attendeeName).append('|');
    b.append(bookingUid).append('|').append(Arrays.toString(eventTypeIds)).append('|');
    b.append(afterStart).append('|').append(beforeEnd).append('|');
    b.append(afterCreated).append('|').append(beforeCreated).append('|');
    b.append(afterUpdated).append('|').append(beforeUpdated).append('|');
    return b.append(sortKey()).toString();
  }

  String sortKey() {
    StringBuilder b = new StringBuilder();
    for (Sort s : sorts) {
      b.append(s.field()).append(s.ascending() ? ":asc;" : ":desc;");
    }
    return b.toString();
  }

  boolean hasFilters() {
    return statusMask != 0
        || attendeeEmailLocal != null
        || attendeeName != null
        || bookingUid != null
        || eventTypeIds != null
        || afterStart != Long.MIN_VALUE
        || beforeEnd != Long.MAX_VALUE
        || afterCreated != Long.MIN_VALUE
        || beforeCreated != Long.MAX_VALUE
        || afterUpdated != Long.MIN_VALUE
        || beforeUpdated != Long.MAX_VALUE;
  }

  /** Whether the booking passes every filter; {@code userId} gives the event type ids. */
  boolean matches(Booking b, long userId, long nowMs) {
    if (b.startMs < afterStart
        || b.endMs() > beforeEnd
        || b.createdMs < afterCreated
        || b.createdMs > beforeCreated
        || b.updatedMs < afterUpdated
        || b.updatedMs > beforeUpdated) {
      return false;
    }
    if (bookingUid != null && !bookingUid.equals(b.uid)) {
      return false;
    }
    if (eventTypeIds != null
        && Arrays.binarySearch(eventTypeIds, BookingJson.eventTypeId(userId, b.eventType)) < 0) {
      return false;
    }
    if (statusMask != 0 && !matchesStatus(b, nowMs)) {
      return false;
    }
    if (attendeeEmailLocal != null && !matchesAttendeeEmail(b)) {
      return false;
    }
    return attendeeName == null || matchesAttendeeName(b);
  }

  private boolean matchesStatus(Booking b, long nowMs) {
    boolean ended = b.endMs() <= nowMs;
    boolean dead = b.status == Booking.CANCELLED || b.status == Booking.REJECTED;
    int m = statusMask;
    return ((m & S_UPCOMING) != 0 && !ended && !dead)
        || ((m & S_PAST) != 0 && ended && !dead)
        || ((m & S_CANCELLED) != 0 && dead)
        || ((m & (S_UNCONFIRMED | S_PENDING)) != 0 && b.status == Booking.PENDING)
        || ((m & S_ACCEPTED) != 0 && b.status == Booking.ACCEPTED)
        || ((m & S_REJECTED) != 0 && b.status == Booking.REJECTED)
        || ((m & S_COMPLETED) != 0 && ended && b.status == Booking.ACCEPTED);
    // S_RECURRING: the data set holds no recurring bookings
  }

  private boolean matchesAttendeeEmail(Booking b) {
    for (int a = 0; a < b.attendeeCount; a++) {
      char p = b.people[a];
      if (Pools.EMAIL_LOCALS[Pools.nameIndex(p)].equals(attendeeEmailLocal)
          && Pools.DOMAINS[Pools.domainIndex(p)].equals(attendeeEmailDomain)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesAttendeeName(Booking b) {
    for (int a = 0; a < b.attendeeCount; a++) {
      if (Pools.NAMES_LOWER[Pools.nameIndex(b.people[a])].contains(attendeeName)) {
        return true;
      }
    }
    return false;
  }

  private static int statusBit(String status) throws BadRequestException {
    switch (status.toLowerCase(Locale.ROOT)) {
      case "upcoming":
        return S_UPCOMING;
      case "recurring":
        return S_RECURRING;
      case "past":
        return S_PAST;
      case "cancelled":
      case "canceled":
        return S_CANCELLED;
      case "unconfirmed":
        return S_UNCONFIRMED;
      case "accepted":
        return S_ACCEPTED;
      case "pending":
        return S_PENDING;
      case "rejected":
        return S_REJECTED;
      case "completed":
        return S_COMPLETED;
      default:
        throw new BadRequestException(
            "status must be one of: upcoming, recurring, past, cancelled, unconfirmed"
                + " (also accepted, pending, rejected, completed); got '"
                + status
                + "'");
    }
  }

  private static List<String> splitList(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      String p = part.trim();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  private static long parseLong(String param, String value) throws BadRequestException {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(param + " must be an integer number");
    }
  }

  /**
   * Accepts an ISO-8601 instant ({@code 2026-03-01T09:30:00.000Z}), a date-time with an offset
   * ({@code 2026-03-01T10:30:00+01:00}) or a date ({@code 2026-03-01}, midnight UTC).
   */
  static Instant parseInstant(String param, String value) throws BadRequestException {
    Instant instant = parseAnyInstant(param, value);
    if (Math.abs(instant.getEpochSecond()) > 100_000L * 366 * 86_400) {
      throw new BadRequestException(param + " is out of range");
    }
    return instant;
  }

  private static Instant parseAnyInstant(String param, String value) throws BadRequestException {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(param + " must be a valid ISO 8601 date string");
    }
  }

  /** Lower bounds round up to the millisecond, so "at or after" stays exact for ms data. */
  static long ceilMillis(Instant instant) {
    long ms = instant.toEpochMilli();
    return instant.getNano() % 1_000_000 == 0 ? ms : ms + 1;
  }

  /** Upper bounds round down ({@code toEpochMilli} floors). */
  static long floorMillis(Instant instant) {
    return instant.toEpochMilli();
  }
}
