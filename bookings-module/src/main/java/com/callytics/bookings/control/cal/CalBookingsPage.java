package com.callytics.bookings.control.cal;

import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Pagination;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of Cal.com's {@code GET /v2/bookings}, whatever shape it came in.
 *
 * @param bookings the bookings that could be translated, in Cal.com's order
 * @param skipped how many entries of the page could not be translated (no id, uid, start or end)
 * @param totalItems bookings matching the query over all pages, or {@code null} when not given
 * @param pagination Cal.com's own pagination object, or {@code null} when not given
 * @param nextCursor cursor of the next page, or {@code null}
 * @param prevCursor cursor of the previous page, or {@code null}
 */
public record CalBookingsPage(
    List<Booking> bookings,
    int skipped,
    Integer totalItems,
    Pagination pagination,
    String nextCursor,
    String prevCursor) {

  public CalBookingsPage {
    bookings = List.copyOf(Objects.requireNonNull(bookings, "bookings"));
    if (skipped < 0) {
      throw new IllegalArgumentException("skipped must not be negative: " + skipped);
    }
  }

  /** How many entries Cal.com sent on this page, translated or not. */
  public int received() {
    return bookings.size() + skipped;
  }

  public Optional<Integer> findTotalItems() {
    return Optional.ofNullable(totalItems);
  }

  public Optional<Pagination> findPagination() {
    return Optional.ofNullable(pagination);
  }

  public Optional<String> findNextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  public Optional<String> findPrevCursor() {
    return Optional.ofNullable(prevCursor);
  }

  /**
   * Cal.com's pagination when it sent one, else one computed from the page asked for (see {@link
   * Pagination#compute}) with the entries received and the total when known.
   */
  public Pagination paginationFor(int take, int skip) {
    return pagination != null ? pagination : Pagination.compute(take, skip, received(), totalItems);
  }
}
