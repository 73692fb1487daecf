package com.callytics.bookings.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.bookings.control.cal.CalBookingsPage;
import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Pagination;
import com.callytics.bookings.entity.SyncCursor;
import com.callytics.bookings.entity.SyncCursor.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncPlanTest {

  private static final Instant T = Instant.parse("2025-05-01T08:00:00Z");

  private static List<Booking> bookings(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(Bookings::number).toList();
  }

  private static CalBookingsPage bare(int n) {
    return new CalBookingsPage(bookings(n), 0, null, null, null, null);
  }

  @Test
  void aFirstSyncAsksForAllBookingsOldestFirstInPagesOf100() {
    assertThat(SyncPlan.query(SyncCursor.firstSync(), 100).toCalParameters())
        .isEqualTo(
            Map.of(
                "sortCreated", List.of("asc"),
                "take", List.of("100"),
                "skip", List.of("0")));
  }

  @Test
  void anIncrementalRunAsksOnlyForChangesAfterItsBound() {
    SyncCursor cursor = new SyncCursor(Phase.INCREMENTAL, 200, T, 250);

    assertThat(SyncPlan.query(cursor, 100).toCalParameters())
        .containsEntry("afterUpdatedAt", List.of("2025-05-01T08:00:00Z"))
        .containsEntry("skip", List.of("200"))
        .containsEntry("sortCreated", List.of("asc"));
  }

  @Test
  void calComPaginationDecidesWhetherAnotherPageFollows() {
    Pagination more = new Pagination(250, 150, 100, 100, 1, 3, true, false);
    CalBookingsPage page = new CalBookingsPage(bookings(100), 0, 250, more, null, null);

    SyncPlan.Step step = SyncPlan.afterPage(SyncCursor.firstSync(), 100, page);

    assertThat(step.done()).isFalse();
    assertThat(step.cursor()).isEqualTo(new SyncCursor(Phase.FULL, 100, null, 250));
  }

  @Test
  void theLastPageOfCalComPaginationEndsTheRun() {
    Pagination last = new Pagination(250, 0, 50, 100, 3, 3, false, true);
    SyncCursor cursor = new SyncCursor(Phase.FULL, 200, null, 250);

    SyncPlan.Step step =
        SyncPlan.afterPage(
            cursor, 100, new CalBookingsPage(bookings(50), 0, 250, last, null, null));

    assertThat(step.done()).isTrue();
    assertThat(step.cursor().nextSkip()).isEqualTo(250);
  }

  @Test
  void aTotalWithoutPaginationDecides() {
    SyncCursor cursor = new SyncCursor(Phase.FULL, 100, null, null);

    assertThat(
            SyncPlan.afterPage(
                    cursor, 100, new CalBookingsPage(bookings(100), 0, 200, null, "200", "0"))
                .done())
        .isTrue();
    assertThat(
            SyncPlan.afterPage(
                    cursor, 100, new CalBookingsPage(bookings(100), 0, 201, null, null, null))
                .done())
        .isFalse();
  }

  @Test
  void withoutAnyTotalAFullPageMeansThereMayBeMore() {
    assertThat(SyncPlan.afterPage(SyncCursor.firstSync(), 100, bare(100)).done()).isFalse();
    assertThat(SyncPlan.afterPage(SyncCursor.firstSync(), 100, bare(99)).done()).isTrue();
  }

  @Test
  void anEmptyPageEndsTheRunWhateverCalComClaims() {
    Pagination claimsMore = new Pagination(500, 500, 0, 100, 1, 5, true, false);
    CalBookingsPage empty = new CalBookingsPage(List.of(), 0, 500, claimsMore, null, null);

    assertThat(SyncPlan.afterPage(SyncCursor.firstSync(), 100, empty).done()).isTrue();
  }

  @Test
  void bookingsThatCouldNotBeTranslatedStillMoveTheCursor() {
    CalBookingsPage page = new CalBookingsPage(bookings(97), 3, null, null, null, null);

    SyncPlan.Step step = SyncPlan.afterPage(SyncCursor.firstSync(), 100, page);

    assertThat(step.cursor().nextSkip()).isEqualTo(100);
    assertThat(step.done()).isFalse();
  }

  @Test
  void aShortPageFromACalComThatCapsTheTakeIsNotTheEndWhenTheTotalSaysSo() {
    CalBookingsPage capped = new CalBookingsPage(bookings(50), 0, 120, null, null, null);

    SyncPlan.Step step = SyncPlan.afterPage(SyncCursor.firstSync(), 100, capped);

    assertThat(step.done()).isFalse();
    assertThat(step.cursor().nextSkip()).isEqualTo(50);
  }

  @Test
  void anIncrementalRunKeepsItsBoundAndPhase() {
    SyncCursor cursor = SyncCursor.changesAfter(T);

    SyncPlan.Step step = SyncPlan.afterPage(cursor, 100, bare(5));

    assertThat(step.cursor()).isEqualTo(new SyncCursor(Phase.INCREMENTAL, 5, T, null));
    assertThat(step.done()).isTrue();
  }

  @Test
  void changesAreAskedForFromTheNewestStoredUpdateMinusTheOverlap() {
    Instant newest = T.minus(Duration.ofDays(2));

    assertThat(SyncPlan.updatedAfter(newest, T, Duration.ofMinutes(1)))
        .isEqualTo(newest.minus(Duration.ofMinutes(1)));
  }

  @Test
  void changesAreAskedForNoLaterThanTheStartOfTheLastCompletedRun() {
    Instant inTheFuture = T.plus(Duration.ofHours(3));

    assertThat(SyncPlan.updatedAfter(inTheFuture, T, Duration.ofMinutes(1)))
        .isEqualTo(T.minus(Duration.ofMinutes(1)));
    assertThat(SyncPlan.updatedAfter(null, T, Duration.ofMinutes(1)))
        .isEqualTo(T.minus(Duration.ofMinutes(1)));
  }
}
