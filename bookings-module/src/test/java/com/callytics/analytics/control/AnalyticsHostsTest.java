package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.BookingBuilder;
import com.callytics.analytics.entity.Analytics.HostStats;
import com.callytics.analytics.entity.Analytics.Hosts;
import com.callytics.analytics.entity.Analytics.Person;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.entity.Booking;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsHostsTest {

  final AnalyticsCalculator calculator = new AnalyticsCalculator();
  final List<Booking> bookings = new ArrayList<>();

  Hosts hosts() {
    return calculator
        .calculate(
            AnalyticsRequest.allTime(ZoneOffset.UTC, Instant.parse("2025-03-20T12:00:00Z")),
            bookings)
        .hosts();
  }

  BookingBuilder by(String name, String email) {
    return booking("b" + bookings.size()).host(name, email);
  }

  void add(BookingBuilder builder) {
    bookings.add(builder.build());
  }

  void times(int count, String name, String email) {
    for (int i = 0; i < count; i++) {
      add(by(name, email));
    }
  }

  @Test
  void theSixBusiestHostsAreShownBusiestFirstWithTiesByEmail() {
    add(by("Zed", "zed@x.com").duration(60));
    add(by("", "Zed@X.com").duration(30));
    add(by("Zed Again", " zed@x.com ").cancelled());
    add(by("Zed", "zed@x.com").rejected());
    times(3, "Bea", "bea@x.com");
    times(3, "Amy", "amy@x.com");
    times(2, "Cat", "cat@x.com");
    times(2, "Dan", "dan@x.com");
    times(1, "Eve", "eve@x.com");
    times(1, "Fay", "fay@x.com");
    times(1, "Gus", "gus@x.com");

    Hosts h = hosts();

    assertThat(h.top())
        .extracting(HostStats::email)
        .containsExactly(
            "zed@x.com", "amy@x.com", "bea@x.com", "cat@x.com", "dan@x.com", "eve@x.com");
    assertThat(h.top().get(0)).isEqualTo(new HostStats("Zed", "zed@x.com", 4, 2, 1, 1.5, 50));
    assertThat(h.top().get(1)).isEqualTo(new HostStats("Amy", "amy@x.com", 3, 3, 0, 1.5, 100));
    assertThat(h.hostCount()).isEqualTo(8);
    assertThat(h.mostActive()).isEqualTo(new Person("Zed", "zed@x.com"));
    // 1.5 + 1.5 + 1.5 + 1 + 1 + 3 x 0.5
    assertThat(h.totalHostHours()).isEqualTo(8.0);
  }

  @Test
  void aBookingWithTwoHostsCountsForBoth() {
    add(by("Ann", "ann@x.com").host("Bob", "bob@x.com").duration(60));

    Hosts h = hosts();

    assertThat(h.hostCount()).isEqualTo(2);
    assertThat(h.top()).extracting(HostStats::total).containsExactly(1, 1);
    assertThat(h.totalHostHours()).isEqualTo(2.0);
  }
}
