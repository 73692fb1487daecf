package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics.HostStats;
import com.callytics.analytics.entity.Analytics.Hosts;
import com.callytics.analytics.entity.Analytics.Person;
import com.callytics.bookings.entity.Booking;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bookings per host, keyed by lower-cased e-mail. A booking counts for each of its hosts. */
final class HostTally {

  static final int TOP = 6;

  private static final Comparator<HostStats> BUSIEST_FIRST =
      Comparator.comparingInt(HostStats::total).reversed().thenComparing(HostStats::email);

  private final Map<String, Counter> hosts = new HashMap<>();

  private static final class Counter {
    final EarliestValue name = new EarliestValue();
    int total;
    int accepted;
    int cancelled;
    long heldMinutes;
  }

  void add(Booking booking) {
    boolean accepted = BookingFacts.isAccepted(booking);
    boolean cancelled = BookingFacts.isCancelled(booking);
    int heldMinutes = BookingFacts.isHeld(booking) ? BookingFacts.minutes(booking) : 0;
    for (Booking.Host host : booking.hosts()) {
      String email = BookingFacts.normalizeEmail(host.email());
      if (email == null) {
        continue;
      }
      Counter counter = hosts.computeIfAbsent(email, e -> new Counter());
      if (!BookingFacts.isBlank(host.name())) {
        counter.name.offer(host.name().trim(), booking);
      }
      counter.total++;
      if (accepted) {
        counter.accepted++;
      } else if (cancelled) {
        counter.cancelled++;
      }
      counter.heldMinutes += heldMinutes;
    }
  }

  Hosts result() {
    long allMinutes = 0;
    for (Counter counter : hosts.values()) {
      allMinutes += counter.heldMinutes;
    }
    List<HostStats> top =
        hosts.entrySet().stream()
            .map(entry -> stats(entry.getKey(), entry.getValue()))
            .sorted(BUSIEST_FIRST)
            .limit(TOP)
            .toList();
    Person mostActive = top.isEmpty() ? null : new Person(top.get(0).name(), top.get(0).email());
    return new Hosts(top, hosts.size(), mostActive, BookingFacts.hours(allMinutes));
  }

  private static HostStats stats(String email, Counter counter) {
    return new HostStats(
        counter.name.get() == null ? email : counter.name.get(),
        email,
        counter.total,
        counter.accepted,
        counter.cancelled,
        BookingFacts.hours(counter.heldMinutes),
        BookingFacts.percent(counter.accepted, counter.total));
  }
}
