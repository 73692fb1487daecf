package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callytics.analytics.entity.Analytics;
import com.callytics.analytics.entity.Analytics.Granularity;
import com.callytics.analytics.entity.Analytics.PlatformShare;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.analytics.entity.Platform;
import com.callytics.bookings.entity.Booking;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AnalyticsCalculatorTest {

  static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");
  static final ZoneId UTC = ZoneOffset.UTC;

  final AnalyticsCalculator calculator = new AnalyticsCalculator();

  static AnalyticsRequest range(String from, String to) {
    return new AnalyticsRequest(Instant.parse(from), Instant.parse(to), UTC, null, NOW);
  }

  @Test
  void theOrderTheBookingsComeInChangesNothing() {
    // the store hands bookings over in no particular order; wordings that differ between bookings
    // (a host's name, an event type's slug, a reason's case) are taken from the earliest one
    List<Booking> bookings =
        new java.util.ArrayList<>(DemoBookings.generate(java.time.Clock.fixed(NOW, UTC)));
    bookings.add(
        booking("renamed-1")
            .start("2020-03-03T09:00:00Z")
            .host("Ann Early", "ann@example.com")
            .eventType(900, "intro-old")
            .cancelled("Double  booked")
            .build());
    bookings.add(
        booking("renamed-2")
            .start("2020-03-04T09:00:00Z")
            .host("Ann Later", "ANN@example.com")
            .eventType(900, "intro")
            .cancelled("double booked")
            .build());
    AnalyticsRequest allTime = AnalyticsRequest.allTime(UTC, NOW);
    AnalyticsRequest renamed = range("2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z");

    for (long seed : new long[] {1, 2, 3}) {
      List<Booking> shuffled = new java.util.ArrayList<>(bookings);
      java.util.Collections.shuffle(shuffled, new Random(seed));
      assertThat(calculator.calculate(allTime, shuffled))
          .isEqualTo(calculator.calculate(allTime, bookings));
      assertThat(calculator.calculate(renamed, shuffled))
          .isEqualTo(calculator.calculate(renamed, bookings));
    }
    Analytics inOrder = calculator.calculate(renamed, bookings);
    assertThat(inOrder.hosts().top())
        .anySatisfy(host -> assertThat(host.name()).isEqualTo("Ann Early"));
    assertThat(inOrder.insights().topEventTypes())
        .anySatisfy(type -> assertThat(type.slug()).isEqualTo("intro-old"));
    assertThat(inOrder.insights().topCancellationReasons())
        .anySatisfy(reason -> assertThat(reason.reason()).isEqualTo("Double booked"));
  }

  @Test
  void noBookingsGiveZerosAndNullsWhereNothingCanBePicked() {
    Analytics a =
        calculator.calculate(range("2025-03-01T00:00:00Z", "2025-03-08T00:00:00Z"), List.of());

    assertThat(a.overview().total()).isZero();
    assertThat(a.overview().acceptanceRate()).isZero();
    assertThat(a.overview().totalHours()).isZero();
    assertThat(a.overview().uniqueParticipants()).isZero();
    assertThat(a.overview().meetingsThisWeek()).isZero();
    assertThat(a.overview().changes().total().current()).isZero();
    assertThat(a.overview().changes().total().changePercent()).isNull();
    assertThat(a.recent()).isEmpty();
    assertThat(a.timeOfDay().morning().count()).isZero();
    assertThat(a.timeOfDay().morning().percent()).isZero();
    assertThat(a.byHour()).hasSize(24).containsOnly(0);
    assertThat(a.heatmap())
        .hasSize(7)
        .allSatisfy(row -> assertThat(row).hasSize(24).containsOnly(0));
    assertThat(a.statusDistribution()).isEmpty();
    assertThat(a.durations().byDuration()).isEmpty();
    assertThat(a.durations().averageDuration()).isZero();
    assertThat(a.durations().mostCommonDuration()).isNull();
    assertThat(a.timeline().granularity()).isEqualTo(Granularity.DAY);
    assertThat(a.timeline().periods()).hasSize(7).allSatisfy(p -> assertThat(p.total()).isZero());
    assertThat(a.timeline().peak()).isNull();
    assertThat(a.timeline().trend()).isZero();
    assertThat(a.timeline().averagePerMonth()).isZero();
    assertThat(a.platforms().byPlatform())
        .extracting(PlatformShare::platform)
        .containsExactly(Platform.values());
    assertThat(a.platforms().byPlatform())
        .allSatisfy(
            p -> {
              assertThat(p.count()).isZero();
              assertThat(p.percent()).isZero();
            });
    assertThat(a.platforms().mostUsed()).isNull();
    assertThat(a.hosts().top()).isEmpty();
    assertThat(a.hosts().hostCount()).isZero();
    assertThat(a.hosts().mostActive()).isNull();
    assertThat(a.insights().averageRating()).isNull();
    assertThat(a.insights().csat()).isNull();
    assertThat(a.insights().topEventTypes()).isEmpty();
    assertThat(a.insights().topCancellationReasons()).isEmpty();
    assertThat(a.leadTime().count()).isZero();
    assertThat(a.leadTime().medianHours()).isZero();
    assertThat(a.leadTime().distribution())
        .hasSize(6)
        .allSatisfy(b -> assertThat(b.count()).isZero());
  }

  @Test
  void noBookingsAndNoRangeGiveAnEmptyTimelineAndNoComparison() {
    Analytics a = calculator.calculate(AnalyticsRequest.allTime(UTC, NOW), Stream.empty());

    assertThat(a.overview().changes()).isNull();
    assertThat(a.timeline().granularity()).isEqualTo(Granularity.MONTH);
    assertThat(a.timeline().periods()).isEmpty();
    assertThat(a.timeline().peak()).isNull();
  }

  @Test
  void aSingleBookingShowsEverywhere() {
    Booking only =
        booking("only")
            .start("2025-03-04T09:00:00Z")
            .duration(45)
            .eventType(7, "demo")
            .meetingUrl("https://zoom.us/j/1")
            .bookedAhead(Duration.ofHours(3))
            .rating(5)
            .build();

    Analytics a = calculator.calculate(AnalyticsRequest.allTime(UTC, NOW), List.of(only));

    assertThat(a.overview().total()).isEqualTo(1);
    assertThat(a.overview().acceptanceRate()).isEqualTo(100);
    assertThat(a.overview().totalHours()).isEqualTo(0.8);
    assertThat(a.overview().uniqueParticipants()).isEqualTo(2);
    assertThat(a.recent()).extracting(Analytics.RecentBooking::uid).containsExactly("only");
    assertThat(a.timeOfDay().morning().percent()).isEqualTo(100);
    assertThat(a.byHour().get(9)).isEqualTo(1);
    assertThat(a.heatmap().get(1).get(9)).isEqualTo(1);
    assertThat(a.durations().mostCommonDuration()).isEqualTo(45);
    assertThat(a.durations().averageDuration()).isEqualTo(45.0);
    assertThat(a.timeline().periods())
        .singleElement()
        .satisfies(p -> assertThat(p.label()).isEqualTo("2025-03"));
    assertThat(a.timeline().peak().label()).isEqualTo("2025-03");
    assertThat(a.timeline().averagePerMonth()).isEqualTo(1.0);
    assertThat(a.platforms().mostUsed()).isEqualTo(Platform.ZOOM);
    assertThat(a.hosts().mostActive().email()).isEqualTo("host@example.com");
    assertThat(a.insights().completed()).isEqualTo(1);
    assertThat(a.insights().averageRating()).isEqualTo(5.0);
    assertThat(a.insights().csat()).isEqualTo(100);
    assertThat(a.leadTime().medianHours()).isEqualTo(3.0);
  }

  @Test
  void selfMeetingsAreLeftOutWhateverTheCaseAndSpacesOfTheEmail() {
    List<Booking> bookings =
        List.of(
            booking("self-exact").attendee("Me", "host@example.com").build(),
            booking("self-case").attendee("Me", " HOST@Example.COM ").build(),
            booking("self-inner-space").attendee("Me", "host @example.com").build(),
            booking("self-second-host")
                .host("Host", "host@example.com")
                .host("Co-host", "cohost@example.com")
                .attendee("Co", "CoHost@example.com")
                .build(),
            booking("host-plus-guest")
                .attendee("Me", "host@example.com")
                .attendee("Guest", "guest@example.com")
                .build(),
            booking("real").build());

    Analytics a = calculator.calculate(AnalyticsRequest.allTime(UTC, NOW), bookings);

    assertThat(a.overview().total()).isEqualTo(2);
    assertThat(a.recent())
        .extracting(Analytics.RecentBooking::uid)
        .containsExactlyInAnyOrder("host-plus-guest", "real");
    assertThat(AnalyticsCalculator.isSelfMeeting(bookings.get(1))).isTrue();
    assertThat(AnalyticsCalculator.isSelfMeeting(bookings.get(4))).isFalse();
  }

  @Test
  void onlyBookingsStartingWithinTheRangeCount() {
    List<Booking> bookings =
        List.of(
            booking("at-from").start("2025-03-10T00:00:00Z").build(),
            booking("inside").start("2025-03-12T10:00:00Z").build(),
            booking("at-to").start("2025-03-17T00:00:00Z").build(),
            booking("long-before").start("2025-01-01T10:00:00Z").build());

    Analytics a =
        calculator.calculate(range("2025-03-10T00:00:00Z", "2025-03-17T00:00:00Z"), bookings);

    assertThat(a.overview().total()).isEqualTo(2);
    assertThat(a.recent())
        .extracting(Analytics.RecentBooking::uid)
        .containsExactly("inside", "at-from");
  }

  @Test
  void anEventTypeFilterKeepsThatEventTypeWhereverTheBookingNamesIt() {
    List<Booking> bookings =
        List.of(
            booking("by-id").eventType(7, "demo").build(),
            booking("by-ref-only").eventTypeRef(7L, "demo").build(),
            booking("other").eventType(8, "intro").build(),
            booking("none").build());
    AnalyticsRequest request = new AnalyticsRequest(null, null, UTC, 7L, NOW);

    Analytics a = calculator.calculate(request, bookings);

    assertThat(a.overview().total()).isEqualTo(2);
    assertThat(a.insights().topEventTypes())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(7L);
              assertThat(e.count()).isEqualTo(2);
            });
  }

  @Test
  void theBookingsAreReadOnlyOnce() {
    AtomicInteger iterations = new AtomicInteger();
    List<Booking> bookings = List.of(booking("a").build(), booking("b").build());
    Iterable<Booking> once =
        () -> {
          if (iterations.incrementAndGet() > 1) {
            throw new IllegalStateException("read twice");
          }
          return bookings.iterator();
        };

    Analytics fromIterable = calculator.calculate(AnalyticsRequest.allTime(UTC, NOW), once);
    Analytics fromStream =
        calculator.calculate(AnalyticsRequest.allTime(UTC, NOW), bookings.stream());

    assertThat(fromIterable.overview().total()).isEqualTo(2);
    assertThat(fromStream).isEqualTo(fromIterable);
  }

  @Test
  void aRangeMustEndAfterItStarts() {
    assertThatThrownBy(() -> range("2025-03-10T00:00:00Z", "2025-03-10T00:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fiftyThousandStreamedBookingsAreAnalysed() {
    Instant from = Instant.parse("2024-09-01T00:00:00Z");
    Instant to = Instant.parse("2025-03-01T00:00:00Z");
    long span = Duration.between(from.minus(Duration.between(from, to)), to).toMinutes();
    Random random = new Random(42);
    String[] statuses = {"accepted", "accepted", "accepted", "cancelled", "rejected", "pending"};
    String[] urls = {
      "https://meet.google.com/x", "https://zoom.us/j/1", "https://app.cal.com/video/x", null
    };
    Iterator<Integer> ids = IntStream.range(0, 50_000).iterator();
    Stream<Booking> bookings =
        Stream.generate(
                () -> {
                  int i = ids.next();
                  Instant start =
                      from.minus(Duration.between(from, to))
                          .plus(Duration.ofMinutes(random.nextInt((int) span)));
                  return booking("b" + i)
                      .start(start)
                      .status(statuses[random.nextInt(statuses.length)])
                      .duration(15 * (1 + random.nextInt(4)))
                      .eventType(1 + random.nextInt(20), null)
                      .meetingUrl(urls[random.nextInt(urls.length)])
                      .host("Host " + (i % 40), "host" + (i % 40) + "@example.com")
                      .attendee("Guest " + i, "guest" + random.nextInt(5_000) + "@example.com")
                      .bookedAhead(Duration.ofMinutes(random.nextInt(60 * 24 * 60)))
                      .rating(1 + random.nextInt(5))
                      .build();
                })
            .limit(50_000);

    Analytics a = calculator.calculate(new AnalyticsRequest(from, to, UTC, null, NOW), bookings);

    int current = a.overview().total();
    int previous = (int) a.overview().changes().total().previous();
    assertThat(current + previous).isEqualTo(50_000);
    assertThat(current).isBetween(20_000, 30_000);
    assertThat(a.statusDistribution().stream().mapToInt(s -> s.count()).sum()).isEqualTo(current);
    assertThat(a.byHour().stream().mapToInt(Integer::intValue).sum()).isEqualTo(current);
    assertThat(a.timeline().granularity()).isEqualTo(Granularity.MONTH);
    assertThat(a.timeline().periods()).hasSize(6);
    assertThat(a.recent()).hasSize(5);
    assertThat(a.hosts().hostCount()).isEqualTo(40);
    assertThat(a.hosts().top()).hasSize(6);
    assertThat(a.insights().topEventTypes()).hasSize(10);
    assertThat(a.leadTime().count()).isEqualTo(current);
  }
}
