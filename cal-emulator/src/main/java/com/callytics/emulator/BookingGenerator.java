package com.callytics.emulator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Builds a user's deterministic booking set: the same user id, count and anchor always give the
 * same bookings. Bookings are returned sorted by start (then id), spread over about 22 months
 * before the anchor and 8 weeks after it; creation leads range from 5 minutes to 60 days.
 */
final class BookingGenerator {
  private BookingGenerator() {}

  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  /** Two years in all; the future part is short enough that every lead stays within 60 days. */
  static final int PAST_DAYS = 674;

  static final int FUTURE_DAYS = 56;

  private static final char[] UID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final double MIN_LEAD_LOG = Math.log(5 * MINUTE);
  private static final double MAX_LEAD_LOG = Math.log(60 * DAY);

  /**
   * Generates the bookings.
   *
   * @param userId seeds the generator and prefixes the numeric ids
   * @param count how many
   * @param anchorMs "now" for the data set: created/updated times never exceed it
   */
  static Booking[] generate(long userId, int count, long anchorMs) {
    SplittableRandom rnd = new SplittableRandom(userId * 0x9E3779B97F4A7C15L ^ 0x5DEECE66DL);
    long anchorDay = Math.floorDiv(anchorMs, DAY);
    long[] starts = new long[count];
    for (int i = 0; i < count; i++) {
      long day = anchorDay - PAST_DAYS + rnd.nextInt(PAST_DAYS + FUTURE_DAYS);
      int dow = (int) Math.floorMod(day + 3, 7); // 0 = Monday
      if (dow >= 5 && rnd.nextInt(100) < 85) {
        day -= dow - 4; // most weekend bookings move to the Friday before
      }
      int minuteOfDay = 7 * 60 + 15 * rnd.nextInt(48);
      starts[i] = day * DAY + minuteOfDay * MINUTE;
    }
    Arrays.sort(starts);

    char[] regulars = new char[12];
    for (int i = 0; i < regulars.length; i++) {
      regulars[i] = randomPerson(rnd);
    }

    Booking[] bookings = new Booking[count];
    int[] hostScratch = new int[3];
    for (int i = 0; i < count; i++) {
      bookings[i] = generateOne(rnd, userId, i, starts[i], anchorMs, regulars, hostScratch);
    }
    pairReschedules(rnd, bookings, anchorMs);
    return bookings;
  }

  private static Booking generateOne(
      SplittableRandom rnd,
      long userId,
      int index,
      long startMs,
      long anchorMs,
      char[] regulars,
      int[] hostScratch) {
    byte eventType = (byte) pick(rnd, Pools.EVENT_WEIGHTS);
    int duration =
        rnd.nextInt(100) < 80
            ? Pools.EVENT_DURATIONS[eventType]
            : Pools.DURATIONS[rnd.nextInt(Pools.DURATIONS.length)];
    byte platform = (byte) pick(rnd, Pools.PLATFORM_WEIGHTS);

    int r = rnd.nextInt(100);
    int hostCount = r < 70 ? 1 : r < 92 ? 2 : 3;
    hostScratch[0] = rnd.nextInt(100) < 80 ? 0 : 1 + rnd.nextInt(7);
    for (int h = 1; h < hostCount; h++) {
      int candidate;
      do {
        candidate = rnd.nextInt(8);
      } while (contains(hostScratch, h, candidate));
      hostScratch[h] = candidate;
    }

    r = rnd.nextInt(100);
    int attendees = r < 75 ? 1 : r < 95 ? 2 : 3;
    int guests = rnd.nextInt(100) < 12 ? 1 + rnd.nextInt(2) : 0;
    char[] people = new char[attendees + guests];
    for (int p = 0; p < people.length; p++) {
      people[p] =
          rnd.nextInt(100) < 35 ? regulars[rnd.nextInt(regulars.length)] : randomPerson(rnd);
    }

    Booking b =
        new Booking(
            index,
            userId * 1_000_000L + index + 1,
            randomUid(rnd),
            startMs,
            duration,
            eventType,
            platform,
            Booking.packHosts(hostScratch, hostCount),
            people,
            (byte) attendees);

    r = rnd.nextInt(100);
    b.status =
        r < 70
            ? Booking.ACCEPTED
            : r < 85 ? Booking.CANCELLED : r < 91 ? Booking.REJECTED : Booking.PENDING;
    if (rnd.nextInt(100) < 50) {
      b.description = (byte) rnd.nextInt(Pools.DESCRIPTIONS.length);
    }

    long lead = (long) Math.exp(MIN_LEAD_LOG + rnd.nextDouble() * (MAX_LEAD_LOG - MIN_LEAD_LOG));
    long latestCreation = anchorMs - MINUTE - rnd.nextLong(3 * DAY);
    b.createdMs = Math.min(startMs - lead, latestCreation) + rnd.nextInt(1000);
    long lastBeforeStart = Math.min(startMs, anchorMs);
    long window = Math.max(0, lastBeforeStart - b.createdMs);
    switch (b.status) {
      case Booking.CANCELLED:
        b.updatedMs = b.createdMs + 1 + (window > 1 ? rnd.nextLong(window) : 0);
        b.cancelReason = (byte) rnd.nextInt(Pools.CANCEL_REASONS.length);
        b.cancelledBy = rnd.nextInt(100) < 70 ? Booking.BY_ATTENDEE : Booking.BY_HOST;
        break;
      case Booking.REJECTED:
        b.updatedMs = b.createdMs + (window > 1 ? rnd.nextLong(Math.min(window, 2 * DAY)) : 0);
        break;
      case Booking.PENDING:
        b.updatedMs = b.createdMs;
        break;
      default:
        b.updatedMs =
            rnd.nextInt(100) < 60 || window <= 1 ? b.createdMs : b.createdMs + rnd.nextLong(window);
        break;
    }

    boolean past = b.endMs() <= anchorMs;
    if (past && b.status == Booking.ACCEPTED) {
      if (rnd.nextInt(1000) < 43) {
        b.absentHost = true;
      }
      for (int a = 0; a < attendees; a++) {
        if (rnd.nextInt(100) < 5) {
          b.absentMask |= (byte) (1 << a);
        }
      }
      if (rnd.nextInt(100) < 42) {
        r = rnd.nextInt(100);
        b.rating = (byte) (r < 45 ? 5 : r < 75 ? 4 : r < 88 ? 3 : r < 95 ? 2 : 1);
        long ratedAt = b.endMs() + rnd.nextLong(2 * DAY);
        b.updatedMs = Math.max(b.updatedMs, Math.min(ratedAt, anchorMs));
      }
    }
    return b;
  }

  /**
   * Turns about a fifth of the cancelled bookings into reschedules: the original points at a later
   * booking through rescheduledTo, which points back through rescheduledFrom.
   */
  private static void pairReschedules(SplittableRandom rnd, Booking[] bookings, long anchorMs) {
    for (Booking original : bookings) {
      if (original.status != Booking.CANCELLED
          || original.rescheduledFrom >= 0
          || original.rescheduledTo >= 0
          || rnd.nextInt(100) >= 20) {
        continue;
      }
      int j = original.index + 1 + rnd.nextInt(200);
      if (j >= bookings.length) {
        continue;
      }
      Booking next = bookings[j];
      if (next.rescheduledFrom >= 0 || next.rescheduledTo >= 0) {
        continue;
      }
      long lo = Math.max(original.createdMs + 1, next.startMs - 60 * DAY);
      long hi = Math.min(Math.min(original.startMs, anchorMs), next.startMs - MINUTE);
      if (hi <= lo) {
        continue;
      }
      long at = lo + rnd.nextLong(hi - lo);
      original.cancelReason = -1;
      original.cancelledBy = Booking.BY_NONE;
      original.rescheduleReason = (byte) rnd.nextInt(Pools.RESCHEDULE_REASONS.length);
      original.rescheduledBy = rnd.nextInt(100) < 75 ? Booking.BY_ATTENDEE : Booking.BY_HOST;
      original.updatedMs = at;
      original.rescheduledTo = j;

      next.rescheduledFrom = original.index;
      next.status = next.status == Booking.PENDING ? Booking.PENDING : Booking.ACCEPTED;
      next.cancelReason = -1;
      next.cancelledBy = Booking.BY_NONE;
      next.eventType = original.eventType;
      next.people = original.people;
      next.attendeeCount = original.attendeeCount;
      next.absentMask = 0;
      next.createdMs = at;
      next.updatedMs = Math.max(next.updatedMs, at);
    }
  }

  private static boolean contains(int[] values, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private static int pick(SplittableRandom rnd, int[] cumulativeWeights) {
    int r = rnd.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
    for (int i = 0; i < cumulativeWeights.length; i++) {
      if (r < cumulativeWeights[i]) {
        return i;
      }
    }
    return cumulativeWeights.length - 1;
  }

  private static char randomPerson(SplittableRandom rnd) {
    return Pools.person(
        rnd.nextInt(Pools.FIRST_NAMES.length),
        rnd.nextInt(Pools.LAST_NAMES.length),
        rnd.nextInt(Pools.DOMAINS.length));
  }

  private static String randomUid(SplittableRandom rnd) {
    char[] chars = new char[22];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = UID_ALPHABET[rnd.nextInt(UID_ALPHABET.length)];
    }
    return new String(chars);
  }
}
