package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.entity.Analytics.Guest;
import com.callytics.analytics.entity.Analytics.Person;
import com.callytics.analytics.entity.Analytics.RecentBooking;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.analytics.entity.Platform;
import com.callytics.bookings.entity.Booking;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsRecentTest {

  static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");

  final AnalyticsCalculator calculator = new AnalyticsCalculator();

  List<RecentBooking> recent(List<Booking> bookings) {
    return calculator.calculate(AnalyticsRequest.allTime(ZoneOffset.UTC, NOW), bookings).recent();
  }

  static List<String> uids(List<RecentBooking> recent) {
    return recent.stream().map(RecentBooking::uid).toList();
  }

  static Booking on(String uid, int dayOfMarch) {
    return booking(uid).start(String.format("2025-03-%02dT10:00:00Z", dayOfMarch)).build();
  }

  @Test
  void theFiveLatestStartsComeNewestFirst() {
    List<Booking> bookings = new ArrayList<>();
    for (int day = 1; day <= 9; day++) {
      bookings.add(on("d" + day, day));
    }
    bookings.add(bookings.remove(3)); // order of arrival does not matter

    assertThat(uids(recent(bookings))).containsExactly("d9", "d8", "d7", "d6", "d5");
  }

  @Test
  void theLatestCancelledBookingTakesTheFifthPlaceWhenNoneOfTheFiveIsCancelled() {
    List<Booking> bookings =
        List.of(
            booking("old-cancel").start("2025-03-01T10:00:00Z").cancelled("Sick").build(),
            booking("cancel").start("2025-03-02T10:00:00Z").cancelled("Sick").build(),
            on("d3", 3),
            on("d4", 4),
            on("d5", 5),
            on("d6", 6),
            on("d7", 7),
            on("d8", 8));

    assertThat(uids(recent(bookings))).containsExactly("d8", "d7", "d6", "d5", "cancel");
  }

  @Test
  void nothingIsReplacedWhenACancelledBookingIsAmongTheFive() {
    List<Booking> bookings =
        List.of(
            booking("old-cancel").start("2025-03-01T10:00:00Z").cancelled().build(),
            on("d3", 3),
            on("d4", 4),
            booking("d5-cancel").start("2025-03-05T10:00:00Z").cancelled().build(),
            on("d6", 6),
            on("d7", 7),
            on("d8", 8));

    assertThat(uids(recent(bookings))).containsExactly("d8", "d7", "d6", "d5-cancel", "d4");
  }

  @Test
  void fewerThanFiveBookingsAreAllShown() {
    List<Booking> bookings =
        List.of(on("d3", 3), booking("cancel").start("2025-03-02T10:00:00Z").cancelled().build());

    assertThat(uids(recent(bookings))).containsExactly("d3", "cancel");
  }

  @Test
  void aCompletedBookingDatedInTheFutureIsDropped() {
    List<Booking> bookings =
        List.of(
            booking("future-completed").status("completed").start("2025-03-25T10:00:00Z").build(),
            booking("past-completed").status("completed").start("2025-03-19T10:00:00Z").build(),
            booking("future-accepted").start("2025-03-26T10:00:00Z").build());

    assertThat(uids(recent(bookings))).containsExactly("future-accepted", "past-completed");
  }

  @Test
  void eachBookingCarriesTheDetailForItsDialog() {
    Booking b =
        booking("full")
            .title("Product demo with Acme")
            .start("2025-03-18T14:00:00Z")
            .duration(45)
            .cancelled("Out sick")
            .eventType(12, "product-demo")
            .meetingUrl("https://meet.google.com/abc-defg-hij")
            .location("integrations:google:meet")
            .host("Maya Chen", "maya@northwind.example")
            .attendee("Alice", "alice@acme.example")
            .absentAttendee("Ben", "ben@acme.example")
            .rescheduledTo("next")
            .rating(4)
            .build();

    RecentBooking r = recent(List.of(b)).get(0);

    assertThat(r.uid()).isEqualTo("full");
    assertThat(r.title()).isEqualTo("Product demo with Acme");
    assertThat(r.status()).isEqualTo("cancelled");
    assertThat(r.start()).isEqualTo(Instant.parse("2025-03-18T14:00:00Z"));
    assertThat(r.end()).isEqualTo(Instant.parse("2025-03-18T14:45:00Z"));
    assertThat(r.duration()).isEqualTo(45);
    assertThat(r.eventType()).isEqualTo("product-demo");
    assertThat(r.hosts()).containsExactly(new Person("Maya Chen", "maya@northwind.example"));
    assertThat(r.attendees())
        .containsExactly(
            new Guest("Alice", "alice@acme.example", false),
            new Guest("Ben", "ben@acme.example", true));
    assertThat(r.meetingUrl()).isEqualTo("https://meet.google.com/abc-defg-hij");
    assertThat(r.location()).isEqualTo("integrations:google:meet");
    assertThat(r.platform()).isEqualTo(Platform.GOOGLE_MEET);
    assertThat(r.cancellationReason()).isEqualTo("Out sick");
    assertThat(r.rescheduledToUid()).isEqualTo("next");
    assertThat(r.rating()).isEqualTo(4);
  }

  @Test
  void onlyAValidWebAddressIsOfferedAsMeetingLink() {
    List<Booking> bookings =
        List.of(
            booking("js").start("2025-03-05T10:00:00Z").meetingUrl("javascript:alert(1)").build(),
            booking("text").start("2025-03-04T10:00:00Z").meetingUrl("see the invite").build(),
            booking("no-host").start("2025-03-03T10:00:00Z").meetingUrl("https://").build(),
            booking("http")
                .start("2025-03-02T10:00:00Z")
                .meetingUrl("http://example.com/x")
                .build());

    assertThat(recent(bookings))
        .extracting(RecentBooking::meetingUrl)
        .containsExactly(null, null, null, "http://example.com/x");
  }
}
