package com.callytics.bookings.control.cal;

import static com.callytics.bookings.control.cal.CalJson.FULL_BOOKING;
import static com.callytics.bookings.control.cal.CalJson.SPARSE_BOOKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Pagination;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalBookingsResponseParserTest {

  private static final String NO_UID =
      "{\"id\": 99, \"start\": \"2024-01-01T10:00:00Z\", \"end\": \"2024-01-01T11:00:00Z\"}";

  private final CalBookingsResponseParser parser = new CalBookingsResponseParser();

  @Test
  void standardEnvelopeGivesBookingsAndCalPagination() {
    CalBookingsPage page =
        parser.parse(
            """
            {"status": "success",
             "data": [%s, %s],
             "pagination": {"totalItems": 12, "remainingItems": 8, "returnedItems": 2,
                            "itemsPerPage": 2, "currentPage": 2, "totalPages": 6,
                            "hasNextPage": true, "hasPreviousPage": true},
             "error": {}}
            """
                .formatted(FULL_BOOKING, SPARSE_BOOKING));

    assertThat(page.bookings())
        .extracting(Booking::uid)
        .containsExactly("booking-uid-123", "sparse-uid");
    assertThat(page.skipped()).isZero();
    assertThat(page.findTotalItems()).contains(12);
    assertThat(page.findPagination()).contains(new Pagination(12, 8, 2, 2, 2, 6, true, true));
    assertThat(page.paginationFor(2, 2)).isEqualTo(new Pagination(12, 8, 2, 2, 2, 6, true, true));
    assertThat(page.findNextCursor()).isEmpty();
    assertThat(page.findPrevCursor()).isEmpty();
  }

  @Test
  void bareArrayGivesBookingsWithoutTotal() {
    CalBookingsPage page = parser.parse("[%s, %s]".formatted(SPARSE_BOOKING, FULL_BOOKING));

    assertThat(page.bookings()).extracting(Booking::id).containsExactly(7L, 123L);
    assertThat(page.findTotalItems()).isEmpty();
    assertThat(page.findPagination()).isEmpty();
    assertThat(page.paginationFor(2, 0).hasNextPage()).isTrue();
  }

  @Test
  void dataWithTotalCountAndCursors() {
    CalBookingsPage page =
        parser.parse(
            """
            {"data": [%s], "totalCount": 31, "nextCursor": "c-2", "prevCursor": null}
            """
                .formatted(SPARSE_BOOKING));

    assertThat(page.bookings()).hasSize(1);
    assertThat(page.findTotalItems()).contains(31);
    assertThat(page.findPagination()).isEmpty();
    assertThat(page.findNextCursor()).contains("c-2");
    assertThat(page.findPrevCursor()).isEmpty();
    assertThat(page.paginationFor(10, 30))
        .isEqualTo(new Pagination(31, 0, 1, 10, 4, 4, false, true));
  }

  @Test
  void dataWithCountAndNumericCursor() {
    CalBookingsPage page =
        parser.parse(
            "{\"data\": [%s], \"count\": 5, \"nextCursor\": 40, \"prevCursor\": \"c-0\"}"
                .formatted(SPARSE_BOOKING));

    assertThat(page.findTotalItems()).contains(5);
    assertThat(page.findNextCursor()).contains("40");
    assertThat(page.findPrevCursor()).contains("c-0");
  }

  @Test
  void bookingsWithMetaTotalAndCursors() {
    CalBookingsPage page =
        parser.parse(
            """
            {"bookings": [%s, %s],
             "meta": {"total": 2, "nextCursor": null, "prevCursor": "p-1"}}
            """
                .formatted(FULL_BOOKING, SPARSE_BOOKING));

    assertThat(page.bookings()).hasSize(2);
    assertThat(page.findTotalItems()).contains(2);
    assertThat(page.findNextCursor()).isEmpty();
    assertThat(page.findPrevCursor()).contains("p-1");
  }

  @Test
  void bookingsWithMetaCount() {
    CalBookingsPage page = parser.parse("{\"bookings\": [], \"meta\": {\"count\": 0}}");

    assertThat(page.bookings()).isEmpty();
    assertThat(page.findTotalItems()).contains(0);
    assertThat(page.paginationFor(100, 0))
        .isEqualTo(new Pagination(0, 0, 0, 100, 1, 0, false, false));
  }

  @Test
  void bookingsWithoutMetaHaveNoTotal() {
    assertThat(parser.parse("{\"bookings\": []}").findTotalItems()).isEmpty();
  }

  @Test
  void untranslatableEntriesAreSkippedAndCounted() {
    CalBookingsPage page =
        parser.parse(
            "{\"status\": \"success\", \"data\": [%s, %s, 42, null, {}]}"
                .formatted(NO_UID, SPARSE_BOOKING));

    assertThat(page.bookings()).extracting(Booking::uid).containsExactly("sparse-uid");
    assertThat(page.skipped()).isEqualTo(4);
    assertThat(page.received()).isEqualTo(5);
  }

  @Test
  void incompletePaginationIsIgnoredButItsTotalIsKept() {
    CalBookingsPage page =
        parser.parse(
            "{\"status\": \"success\", \"data\": [], \"pagination\": {\"totalItems\": 40}}");

    assertThat(page.findPagination()).isEmpty();
    assertThat(page.findTotalItems()).contains(40);
  }

  @Test
  void streamInputIsReadLikeText() {
    byte[] body =
        "{\"status\": \"success\", \"data\": [%s]}"
            .formatted(FULL_BOOKING)
            .getBytes(StandardCharsets.UTF_8);

    CalBookingsPage page = parser.parse(new ByteArrayInputStream(body));

    assertThat(page.bookings())
        .extracting(Booking::title)
        .containsExactly("Consultation with Jane");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"status\": \"success\", \"items\": []}",
        "{\"data\": {\"bookings\": []}}",
        "{\"status\": \"error\", \"data\": [], \"error\": {\"message\": \"Unauthorized\"}}",
        "{\"status\": \"ERROR\", \"bookings\": []}",
        "\"Internal Server Error\"",
        "42",
        "null",
        "{\"data\": [",
        "<html>Bad Gateway</html>",
        ""
      })
  void anythingElseIsAnUnsupportedShape(String body) {
    assertThatThrownBy(() -> parser.parse(body))
        .isInstanceOf(UnsupportedResponseShapeException.class)
        .hasMessage("Unsupported Cal.com bookings response shape");
  }

  @Test
  void malformedStreamIsAnUnsupportedShape() {
    byte[] body = "{\"data\": [}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(body)))
        .isInstanceOf(UnsupportedResponseShapeException.class)
        .hasMessage("Unsupported Cal.com bookings response shape");
  }

  @Test
  void unsupportedShapeIsReportedAsBadGateway() {
    assertThatThrownBy(() -> parser.parse("{}"))
        .isInstanceOfSatisfying(
            UnsupportedResponseShapeException.class, e -> assertThat(e.status()).isEqualTo(502));
  }
}
