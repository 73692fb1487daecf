package com.callytics.bookings.entity;

/**
 * Where one page of bookings sits in the whole result, in the same terms as Cal.com's v2 pagination
 * object.
 *
 * @param totalItems bookings matching the query over all pages
 * @param remainingItems bookings after this page
 * @param returnedItems bookings on this page
 * @param itemsPerPage the page size asked for
 * @param currentPage 1-based page number
 * @param totalPages pages needed for {@code totalItems}
 */
public record Pagination(
    int totalItems,
    int remainingItems,
    int returnedItems,
    int itemsPerPage,
    int currentPage,
    int totalPages,
    boolean hasNextPage,
    boolean hasPreviousPage) {

  private static final Pagination EMPTY = new Pagination(0, 0, 0, 0, 0, 0, false, false);

  /** No items, no pages. */
  public static Pagination empty() {
    return EMPTY;
  }

  /**
   * Works out the pagination of a page when Cal.com did not send one.
   *
   * @param take the page size asked for (at least 1)
   * @param skip how many items were skipped before this page (at least 0)
   * @param returned how many items this page holds
   * @param total the total number of items when known, else {@code null}; when unknown, a full page
   *     counts one more item than seen so that a next page is signalled
   */
  public static Pagination compute(int take, int skip, int returned, Integer total) {
    if (take < 1) {
      throw new IllegalArgumentException("take must be at least 1, was " + take);
    }
    if (skip < 0 || returned < 0) {
      throw new IllegalArgumentException("skip and returned must not be negative");
    }
    int totalItems;
    if (total != null) {
      totalItems = Math.max(total, 0);
    } else {
      totalItems = skip + returned + (returned == take ? 1 : 0);
    }
    int totalPages = totalItems == 0 ? 0 : Math.max(1, ceilDiv(totalItems, take));
    int remainingItems = Math.max(totalItems - skip - returned, 0);
    return new Pagination(
        totalItems,
        remainingItems,
        returned,
        take,
        skip / take + 1,
        totalPages,
        remainingItems > 0,
        skip > 0);
  }

  private static int ceilDiv(int dividend, int divisor) {
    return (int) ((dividend + (long) divisor - 1) / divisor);
  }
}
