package com.callytics.analytics.control;

import com.callytics.bookings.entity.Booking;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * A realistic, deterministic set of about 120 bookings for demonstrations and tests: six months
 * back and two weeks ahead of the clock's day, five hosts, repeat attendees, all four platforms,
 * cancellations with reasons, reschedule pairs, no-shows, ratings and one self meeting.
 *
 * <p>Only the clock's UTC date matters: the same day gives identical bookings. Past bookings end
 * before that day starts and upcoming ones start after it ends, so that "past" and "upcoming" hold
 * at any time of the day.
 */
public final class DemoBookings {

  /** Fixed, so that the data only depends on the day. */
  static final long SEED = 20_250_301L;

  static final int PAST = 100;
  static final int UPCOMING = 13;

  private static final Duration MIN_CREATED_BEFORE_TODAY = Duration.ofMinutes(30);
  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private record HostSeed(Booking.Host host, int weight) {
    ZoneId zone() {
      return ZoneId.of(host.timeZone());
    }
  }

  private record Place(String meetingUrl, String location) {}

  private record EventTypeSeed(long id, String slug, String title, int[] durations, int weight) {}

  private record Guest(String name, String company, String timeZone) {
    String email() {
      String first = name.substring(0, name.indexOf(' ')).toLowerCase(Locale.ROOT);
      return first + "@" + company.toLowerCase(Locale.ROOT).replace(" ", "") + ".example";
    }

    Booking.Attendee attendee(boolean absent) {
      return new Booking.Attendee(name, email(), timeZone, "en", absent, null);
    }
  }

  private static final List<HostSeed> HOSTS =
      List.of(
          host(101, "Maya Chen", "maya.chen", "America/New_York", 30),
          host(102, "Lukas Weber", "lukas.weber", "Europe/Berlin", 25),
          host(103, "Priya Raman", "priya.raman", "Asia/Kolkata", 20),
          host(104, "Diego Alvarez", "diego.alvarez", "America/Los_Angeles", 15),
          host(105, "Sophie Martin", "sophie.martin", "Europe/Paris", 10));

  private static final List<EventTypeSeed> EVENT_TYPES =
      List.of(
          new EventTypeSeed(11, "intro-call", "Intro call", new int[] {15, 30}, 25),
          new EventTypeSeed(12, "product-demo", "Product demo", new int[] {45, 60}, 25),
          new EventTypeSeed(13, "quarterly-review", "Quarterly review", new int[] {60}, 10),
          new EventTypeSeed(14, "support-session", "Support session", new int[] {30}, 15),
          new EventTypeSeed(15, "onboarding", "Onboarding", new int[] {45, 60}, 15),
          new EventTypeSeed(16, "coffee-chat", "Coffee chat", new int[] {15}, 10));

  /** Earlier guests are picked more often, so that some come back again and again. */
  private static final List<Guest> GUESTS =
      List.of(
          new Guest("Alice Johnson", "Acme", "America/Chicago"),
          new Guest("Ben Carter", "Globex", "America/New_York"),
          new Guest("Chloe Dubois", "Initech", "Europe/Paris"),
          new Guest("Daniel Kim", "Hooli", "America/Los_Angeles"),
          new Guest("Elena Rossi", "Umbrella", "Europe/Rome"),
          new Guest("Farid Haddad", "Stark Industries", "Asia/Dubai"),
          new Guest("Grace Liu", "Wayne Enterprises", "Asia/Singapore"),
          new Guest("Hannah Schmidt", "Vandelay", "Europe/Berlin"),
          new Guest("Ivan Petrov", "Cyberdyne", "Europe/Warsaw"),
          new Guest("Julia Santos", "Soylent", "America/Sao_Paulo"),
          new Guest("Kenji Watanabe", "Tyrell", "Asia/Tokyo"),
          new Guest("Laura Novak", "Wonka", "Europe/Prague"),
          new Guest("Mohamed Ali", "Acme", "Africa/Cairo"),
          new Guest("Nora Lindqvist", "Globex", "Europe/Stockholm"),
          new Guest("Oscar Mendes", "Initech", "Europe/Lisbon"),
          new Guest("Paula Green", "Hooli", "Europe/London"),
          new Guest("Quentin Moreau", "Umbrella", "Europe/Paris"),
          new Guest("Rita Okafor", "Stark Industries", "Africa/Lagos"),
          new Guest("Sam Taylor", "Wayne Enterprises", "Australia/Sydney"),
          new Guest("Tara Singh", "Vandelay", "Asia/Kolkata"),
          new Guest("Umar Farooq", "Cyberdyne", "Asia/Karachi"),
          new Guest("Vera Ivanova", "Soylent", "Europe/Helsinki"),
          new Guest("Will Turner", "Tyrell", "America/Denver"),
          new Guest("Yara Costa", "Wonka", "America/Toronto"));

  private static final List<String> CANCELLATION_REASONS =
      List.of(
          "Scheduling conflict",
          "scheduling conflict ",
          "No longer needed",
          "Out sick",
          "Double booked",
          "Travel delay",
          "Budget freeze, will reach out next quarter",
          " ");

  private static final List<String> RESCHEDULING_REASONS =
      List.of("Conflict with another meeting", "Customer asked for a later slot", "Host travel");

  private static final int[] RATINGS = {5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1};

  private DemoBookings() {}

  /** The demo bookings for the clock's day, ordered by start. */
  public static List<Booking> generate(Clock clock) {
    return new Generator(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).run();
  }

  private static HostSeed host(long id, String name, String user, String zone, int weight) {
    return new HostSeed(
        new Booking.Host(id, name, user + "@northwind.example", user, zone), weight);
  }

  /** One generation: the random source and the bookings made so far. */
  private static final class Generator {

    private final Random random = new Random(SEED);
    private final LocalDate today;
    private final Instant todayStart;
    private final List<Booking> bookings = new ArrayList<>();
    private long nextId = 1001;
    private int heldInPastCount;

    Generator(LocalDate today) {
      this.today = today;
      this.todayStart = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    List<Booking> run() {
      for (int i = 0; i < PAST + UPCOMING; i++) {
        boolean past = i < PAST;
        int offset = past ? -(2 + random.nextInt(181)) : 2 + random.nextInt(12);
        regular(past, offset);
      }
      reschedulePair(0, -150);
      reschedulePair(1, -60);
      reschedulePair(2, 3);
      selfMeeting();
      bookings.sort(Comparator.comparing(Booking::start).thenComparing(Booking::uid));
      return List.copyOf(bookings);
    }

    private void regular(boolean past, int offset) {
      HostSeed host = weighted(HOSTS, HostSeed::weight);
      EventTypeSeed type = weighted(EVENT_TYPES, EventTypeSeed::weight);
      int duration = type.durations()[random.nextInt(type.durations().length)];
      Guest guest = guest();
      Guest second = random.nextDouble() < 0.12 ? guest() : null;
      Instant start = start(host, offset, past);
      String uid = uid();

      String status = status(past);
      boolean heldInPast = past && "accepted".equals(status);
      Integer rating =
          heldInPast && random.nextDouble() < 0.34 ? RATINGS[random.nextInt(RATINGS.length)] : null;
      boolean hostNoShow = false;
      boolean guestNoShow = false;
      if (heldInPast) {
        // by count rather than by chance: a few of each on any day
        hostNoShow = heldInPastCount % 23 == 11;
        guestNoShow = heldInPastCount % 13 == 6;
        heldInPastCount++;
      }
      String reason =
          "cancelled".equals(status)
              ? CANCELLATION_REASONS.get(random.nextInt(CANCELLATION_REASONS.size()))
              : null;

      List<Booking.Attendee> attendees = new ArrayList<>();
      attendees.add(guest.attendee(guestNoShow));
      if (second != null && !second.equals(guest)) {
        attendees.add(second.attendee(false));
      }
      Instant createdAt = createdAt(start);
      Instant end = start.plus(Duration.ofMinutes(duration));
      Instant updatedAt = createdAt;
      if (reason != null) {
        updatedAt = between(createdAt, min(start, todayStart));
      } else if (rating != null || hostNoShow || guestNoShow) {
        updatedAt = end.plus(Duration.ofMinutes(30 + random.nextInt(150)));
      }
      Place place = place(uid);
      bookings.add(
          booking(
              uid,
              type.title() + " with " + guest.company(),
              host,
              status,
              reason,
              null,
              null,
              null,
              start,
              duration,
              type,
              place,
              hostNoShow,
              createdAt,
              updatedAt,
              rating,
              attendees));
    }

    /** A cancelled booking moved to a new one five days later. */
    private void reschedulePair(int index, int offset) {
      HostSeed host = HOSTS.get(index);
      EventTypeSeed type = EVENT_TYPES.get(index % 2 == 0 ? 1 : 0);
      Guest guest = GUESTS.get(index * 3);
      int duration = type.durations()[0];
      boolean past = offset < 0;
      Instant start = start(host, offset, past);
      Instant newStart = start(host, offset + 5, past);
      String originalUid = uid();
      String newUid = uid();
      String reason = RESCHEDULING_REASONS.get(index);
      Instant createdAt = createdAt(start);
      Instant movedAt = between(createdAt, min(start, todayStart));
      Place place = place(originalUid);
      String title = type.title() + " with " + guest.company();
      bookings.add(
          booking(
              originalUid,
              title,
              host,
              "cancelled",
              null,
              null,
              null,
              newUid,
              start,
              duration,
              type,
              place,
              false,
              createdAt,
              movedAt,
              null,
              List.of(guest.attendee(false))));
      Integer rating = past ? 5 - index : null;
      bookings.add(
          booking(
              newUid,
              title,
              host,
              "accepted",
              null,
              reason,
              originalUid,
              null,
              newStart,
              duration,
              type,
              place,
              false,
              movedAt,
              movedAt,
              rating,
              List.of(guest.attendee(false))));
    }

    /** A host booking their own event: analytics leave it out. */
    private void selfMeeting() {
      HostSeed host = HOSTS.get(0);
      EventTypeSeed type = EVENT_TYPES.get(5);
      Instant start = start(host, -10, true);
      String uid = uid();
      Booking.Attendee self =
          new Booking.Attendee(
              host.host().name(),
              " Maya.Chen@Northwind.example ",
              host.host().timeZone(),
              "en",
              false,
              null);
      bookings.add(
          booking(
              uid,
              "Focus time",
              host,
              "accepted",
              null,
              null,
              null,
              null,
              start,
              15,
              type,
              place(uid),
              false,
              createdAt(start),
              null,
              null,
              List.of(self)));
    }

    private Booking booking(
        String uid,
        String title,
        HostSeed host,
        String status,
        String cancellationReason,
        String reschedulingReason,
        String rescheduledFromUid,
        String rescheduledToUid,
        Instant start,
        int duration,
        EventTypeSeed type,
        Place place,
        boolean absentHost,
        Instant createdAt,
        Instant updatedAt,
        Integer rating,
        List<Booking.Attendee> attendees) {
      String guestEmail = attendees.get(0).email();
      return new Booking(
          nextId++,
          uid,
          title,
          "Booked through the demo data set.",
          List.of(host.host()),
          status,
          cancellationReason,
          cancellationReason == null ? null : guestEmail,
          reschedulingReason,
          reschedulingReason == null ? null : guestEmail,
          rescheduledFromUid,
          rescheduledToUid,
          start,
          start.plus(Duration.ofMinutes(duration)),
          duration,
          type.id(),
          new Booking.EventTypeRef(type.id(), type.slug()),
          place.meetingUrl(),
          place.location(),
          absentHost,
          createdAt,
          updatedAt == null ? createdAt : updatedAt,
          "{}",
          rating,
          uid + "@demo.callytics",
          attendees,
          List.of(),
          "{}");
    }

    private String status(boolean past) {
      double r = random.nextDouble();
      if (past) {
        return r < 0.15 ? "cancelled" : r < 0.18 ? "rejected" : r < 0.20 ? "pending" : "accepted";
      }
      return r < 0.10 ? "cancelled" : r < 0.22 ? "pending" : "accepted";
    }

    /** Google Meet, Zoom, Cal.com Video or something else. */
    private Place place(String uid) {
      double r = random.nextDouble();
      String code = uid.substring(0, 10).toLowerCase(Locale.ROOT);
      if (r < 0.35) {
        String url =
            "https://meet.google.com/"
                + code.substring(0, 3)
                + "-"
                + code.substring(3, 7)
                + "-"
                + code.substring(7, 10);
        return new Place(url, "integrations:google:meet");
      }
      if (r < 0.60) {
        String url = "https://us02web.zoom.us/j/" + (80_000_000_000L + random.nextInt(999_999_999));
        return new Place(url, "integrations:zoom");
      }
      if (r < 0.85) {
        return new Place("https://app.cal.com/video/" + uid, "integrations:daily");
      }
      return switch (random.nextInt(3)) {
        case 0 -> new Place(null, "Northwind office, Lisbon – 5th floor");
        case 1 -> new Place(null, "+1 555 0142");
        default -> {
          String url = "https://teams.microsoft.com/l/meetup-join/" + code;
          yield new Place(url, url);
        }
      };
    }

    /** On a working day in the host's zone, between 08:00 and 17:30 local time. */
    private Instant start(HostSeed host, int offset, boolean past) {
      LocalDate date = today.plusDays(offset);
      if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
        date = date.minusDays(1);
      } else if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        date = past ? date.minusDays(2) : date.plusDays(1);
      }
      LocalTime time = LocalTime.of(8 + random.nextInt(10), random.nextBoolean() ? 0 : 30);
      return date.atTime(time).atZone(host.zone()).toInstant();
    }

    /** Booked between 20 minutes and 7 weeks ahead, and never after the clock's day began. */
    private Instant createdAt(Instant start) {
      double r = random.nextDouble();
      long minutes;
      if (r < 0.08) {
        minutes = 20 + random.nextInt(40);
      } else if (r < 0.33) {
        minutes = 60 + random.nextInt(23 * 60);
      } else if (r < 0.58) {
        minutes = 24 * 60 + random.nextInt(2 * 24 * 60);
      } else if (r < 0.78) {
        minutes = 3 * 24 * 60 + random.nextInt(4 * 24 * 60);
      } else if (r < 0.95) {
        minutes = 7 * 24 * 60 + random.nextInt(21 * 24 * 60);
      } else {
        minutes = 28 * 24 * 60 + random.nextInt(21 * 24 * 60);
      }
      return min(
          start.minus(Duration.ofMinutes(minutes)), todayStart.minus(MIN_CREATED_BEFORE_TODAY));
    }

    private Guest guest() {
      double r = random.nextDouble();
      return GUESTS.get((int) (r * r * GUESTS.size()));
    }

    private <T> T weighted(List<T> items, ToIntFunction<T> weight) {
      int total = items.stream().mapToInt(weight).sum();
      int pick = random.nextInt(total);
      for (T item : items) {
        pick -= weight.applyAsInt(item);
        if (pick < 0) {
          return item;
        }
      }
      throw new IllegalStateException("weights must be positive");
    }

    private String uid() {
      StringBuilder uid = new StringBuilder(22);
      for (int i = 0; i < 22; i++) {
        uid.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      return uid.toString();
    }

    private Instant between(Instant from, Instant to) {
      long span = Math.max(0, Duration.between(from, to).toMinutes());
      return from.plus(Duration.ofMinutes(span == 0 ? 0 : random.nextInt((int) span)));
    }

    private static Instant min(Instant a, Instant b) {
      return a.isBefore(b) ? a : b;
    }
  }
}
