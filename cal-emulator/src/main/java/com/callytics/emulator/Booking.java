package com.callytics.emulator;

/**
 * One generated booking, kept compact: times as epoch milliseconds, everything else as small
 * indexes into {@link Pools}. The JSON is built from it per page only. Mutable fields are only
 * written under the owning {@link UserBookings}' write lock.
 */
final class Booking {
  static final byte ACCEPTED = 0;
  static final byte CANCELLED = 1;
  static final byte REJECTED = 2;
  static final byte PENDING = 3;

  static final byte BY_NONE = 0;
  static final byte BY_HOST = 1;
  static final byte BY_ATTENDEE = 2;

  final int index;
  final long id;
  final String uid;
  final long startMs;
  final int durationMin;
  byte eventType;
  final byte platform;

  /** Host slots: bits 0-1 count, then three 3-bit host pool indexes. */
  final short hosts;

  /** Person codes (see {@link Pools}): attendees first, then guests. */
  char[] people;

  byte attendeeCount;
  long createdMs;
  long updatedMs;
  byte status;
  byte absentMask;
  boolean absentHost;

  /** 0 = no rating. */
  byte rating;

  /** -1 = null. */
  byte description = -1;

  /** -1 = null. */
  byte cancelReason = -1;

  byte cancelledBy = BY_NONE;

  /** -1 = null. */
  byte rescheduleReason = -1;

  byte rescheduledBy = BY_NONE;
  int rescheduledFrom = -1;
  int rescheduledTo = -1;

  Booking(
      int index,
      long id,
      String uid,
      long startMs,
      int durationMin,
      byte eventType,
      byte platform,
      short hosts,
      char[] people,
      byte attendeeCount) {
    this.index = index;
    this.id = id;
    this.uid = uid;
    this.startMs = startMs;
    this.durationMin = durationMin;
    this.eventType = eventType;
    this.platform = platform;
    this.hosts = hosts;
    this.people = people;
    this.attendeeCount = attendeeCount;
  }

  long endMs() {
    return startMs + durationMin * 60_000L;
  }

  int hostCount() {
    return hosts & 0x3;
  }

  int host(int slot) {
    return (hosts >> (2 + 3 * slot)) & 0x7;
  }

  static short packHosts(int[] hostIndexes, int count) {
    int packed = count;
    for (int i = 0; i < count; i++) {
      packed |= hostIndexes[i] << (2 + 3 * i);
    }
    return (short) packed;
  }

  int guestCount() {
    return people.length - attendeeCount;
  }

  boolean attendeeAbsent(int slot) {
    return (absentMask & (1 << slot)) != 0;
  }

  static String statusName(byte status) {
    switch (status) {
      case ACCEPTED:
        return "accepted";
      case CANCELLED:
        return "cancelled";
      case REJECTED:
        return "rejected";
      default:
        return "pending";
    }
  }
}
