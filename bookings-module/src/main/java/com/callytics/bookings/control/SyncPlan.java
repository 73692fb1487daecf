package com.callytics.bookings.control;

import com.callytics.bookings.control.cal.CalBookingsPage;
import com.callytics.bookings.entity.BookingQuery;
import com.callytics.bookings.entity.Pagination;
import com.callytics.bookings.entity.SyncCursor;
import com.callytics.bookings.entity.SyncCursor.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The paging decisions of a sync, without any I/O: which page to ask Cal.com for, whether there is
 * another one, and from when an incremental run asks for changes.
 *
 * <p>Pages are taken in order of creation (oldest first, Cal.com breaking ties by id): a booking
 * keeps its place when it changes, and new bookings come last, so offsets stay valid while a run
 * goes on.
 */
final class SyncPlan {

  private static final BookingQuery STABLE_ORDER =
      BookingQuery.parse(Map.of("sortCreated", List.of("asc")));

  private SyncPlan() {}

  /** The page a run at {@code cursor} asks for next. */
  static BookingQuery query(SyncCursor cursor, int pageSize) {
    BookingQuery query = STABLE_ORDER.withTake(pageSize).withSkip(cursor.nextSkip());
    return cursor.phase() == Phase.INCREMENTAL
        ? query.withAfterUpdatedAt(cursor.updatedAfter())
        : query;
  }

  /**
   * Where the run stands once {@code page}, asked for at {@code cursor}, is stored.
   *
   * <p>There is another page unless this one was empty; Cal.com's own pagination decides when it
   * sent one, then the total when it sent one, else a full page means there may be more.
   */
  static Step afterPage(SyncCursor cursor, int pageSize, CalBookingsPage page) {
    Objects.requireNonNull(page, "page");
    int received = page.received();
    int nextSkip = cursor.nextSkip() + received;
    Integer total =
        page.findTotalItems()
            .or(() -> page.findPagination().map(Pagination::totalItems))
            .orElse(cursor.total());
    boolean more;
    if (received == 0) {
      more = false;
    } else if (page.findPagination().isPresent()) {
      more = page.findPagination().get().hasNextPage();
    } else if (page.findTotalItems().isPresent()) {
      more = nextSkip < page.findTotalItems().get();
    } else {
      more = received >= pageSize;
    }
    return new Step(new SyncCursor(cursor.phase(), nextSkip, cursor.updatedAfter(), total), !more);
  }

  /**
   * The lower {@code updatedAt} bound of a new incremental run: the newest stored {@code
   * updatedAt}, but no later than the start of the last completed run (a change made while it ran
   * may have been passed over), minus {@code overlap} for clocks that disagree a little.
   *
   * @param newestStored newest {@code updatedAt} in the store, {@code null} when it holds none
   * @param watermark start of the last completed run
   */
  static Instant updatedAfter(Instant newestStored, Instant watermark, Duration overlap) {
    Objects.requireNonNull(watermark, "watermark");
    Instant base =
        newestStored == null || newestStored.isAfter(watermark) ? watermark : newestStored;
    return base.minus(overlap);
  }

  /**
   * @param cursor the cursor after the page
   * @param done whether the run has fetched everything
   */
  record Step(SyncCursor cursor, boolean done) {}
}
