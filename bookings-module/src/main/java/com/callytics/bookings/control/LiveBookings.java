package com.callytics.bookings.control;

import com.callytics.auth.boundary.TokenService;
import com.callytics.bookings.control.cal.CalBookingsClient;
import com.callytics.bookings.control.cal.CalBookingsPage;
import com.callytics.bookings.entity.BookingQuery;
import com.callytics.bookings.entity.Pagination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The signed-in user's bookings read live from Cal.com (not from the store), with the user's access
 * token from the token service: refreshed when it is about to expire, and once more when Cal.com
 * rejects it.
 */
@ApplicationScoped
public class LiveBookings {

  /** Page size when counting page by page. */
  static final int COUNT_PAGE_SIZE = 100;

  /** Counting page by page stops here (100,000 bookings). */
  static final int MAX_COUNT_PAGES = 1_000;

  @Inject TokenService tokens;
  @Inject CalBookingsClient cal;

  /** One page of the user's bookings as Cal.com answers the query. */
  public CalBookingsPage page(String userId, BookingQuery query) {
    return tokens.callWithToken(userId, token -> cal.fetch(token, query));
  }

  /**
   * How many of the user's bookings match the query's filters: one call with {@code take=1} when
   * Cal.com reports totals, else counted page by page.
   */
  public int count(String userId, BookingQuery filter) {
    CalBookingsPage first = page(userId, filter.withTake(1).withSkip(0));
    Optional<Integer> total =
        first.findTotalItems().or(() -> first.findPagination().map(Pagination::totalItems));
    return total.orElseGet(() -> countPageByPage(userId, filter));
  }

  /** The total of a page when Cal.com gave one, else the bookings matching its filters. */
  public int totalOf(String userId, CalBookingsPage page, BookingQuery filter) {
    return page.findTotalItems()
        .or(() -> page.findPagination().map(Pagination::totalItems))
        .orElseGet(() -> countPageByPage(userId, filter));
  }

  private int countPageByPage(String userId, BookingQuery filter) {
    int counted = 0;
    for (int pageNumber = 0; pageNumber < MAX_COUNT_PAGES; pageNumber++) {
      CalBookingsPage page =
          page(userId, filter.withTake(COUNT_PAGE_SIZE).withSkip(pageNumber * COUNT_PAGE_SIZE));
      counted += page.received();
      if (page.received() < COUNT_PAGE_SIZE) {
        break;
      }
    }
    return counted;
  }
}
