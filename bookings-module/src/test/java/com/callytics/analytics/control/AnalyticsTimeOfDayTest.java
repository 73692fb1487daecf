package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.entity.Analytics;
import com.callytics.analytics.entity.Analytics.Share;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.entity.Booking;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsTimeOfDayTest {

  static final Instant NOW = Instant.parse("2025-08-01T12:00:00Z");

  final AnalyticsCalculator calculator = new AnalyticsCalculator();

  Analytics seenFrom(String zone, Booking... bookings) {
    return calculator.calculate(AnalyticsRequest.allTime(ZoneId.of(zone), NOW), List.of(bookings));
  }

  @Test
  void sundayEveningInUtcIsMondayMorningInTokyo() {
    Booking sunday = booking("sun").start("2025-03-02T23:30:00Z").build();

    Analytics a = seenFrom("Asia/Tokyo", sunday);

    assertThat(a.byHour().get(8)).isEqualTo(1);
    assertThat(a.heatmap().get(0).get(8)).isEqualTo(1); // Monday 08:30
    assertThat(a.timeOfDay().morning()).isEqualTo(new Share(1, 100));
    assertThat(a.timeOfDay().night()).isEqualTo(new Share(0, 0));
  }

  @Test
  void sundayEveningInUtcIsSundayAfternoonInLosAngelesInWinterAndSummer() {
    Booking winter = booking("winter").start("2025-03-02T23:30:00Z").build(); // PST, UTC-8
    Booking summer = booking("summer").start("2025-07-06T23:30:00Z").build(); // PDT, UTC-7

    Analytics a = seenFrom("America/Los_Angeles", winter, summer);

    assertThat(a.heatmap().get(6).get(15)).isEqualTo(1); // Sunday 15:30
    assertThat(a.heatmap().get(6).get(16)).isEqualTo(1); // Sunday 16:30
    assertThat(a.byHour().get(15)).isEqualTo(1);
    assertThat(a.byHour().get(16)).isEqualTo(1);
    assertThat(a.timeOfDay().afternoon()).isEqualTo(new Share(2, 100));
  }

  @Test
  void partsOfTheDayStartOnTheHour() {
    String[] times = {"05:59", "06:00", "11:59", "12:00", "16:59", "17:00", "20:59", "21:00"};
    Booking[] bookings = new Booking[times.length];
    for (int i = 0; i < times.length; i++) {
      bookings[i] = booking("t" + i).start("2025-03-05T" + times[i] + ":00Z").build();
    }

    Analytics a = seenFrom("UTC", bookings);

    assertThat(a.timeOfDay().night()).isEqualTo(new Share(2, 25));
    assertThat(a.timeOfDay().morning()).isEqualTo(new Share(2, 25));
    assertThat(a.timeOfDay().afternoon()).isEqualTo(new Share(2, 25));
    assertThat(a.timeOfDay().evening()).isEqualTo(new Share(2, 25));
    // Wednesday
    assertThat(a.heatmap().get(2).stream().mapToInt(Integer::intValue).sum()).isEqualTo(8);
  }

  @Test
  void sharesAreRoundedPercentagesOfAllBookings() {
    Analytics a =
        seenFrom(
            "UTC",
            booking("m1").start("2025-03-05T07:00:00Z").build(),
            booking("m2").start("2025-03-05T08:00:00Z").build(),
            booking("e1").start("2025-03-05T18:00:00Z").build());

    assertThat(a.timeOfDay().morning()).isEqualTo(new Share(2, 67));
    assertThat(a.timeOfDay().evening()).isEqualTo(new Share(1, 33));
  }
}
