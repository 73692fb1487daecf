package com.callytics.bookings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.callytics.bookings.entity.BookingQuery.SortOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BookingQueryTest {

  /** Builds raw parameters from name/value pairs; a repeated name gets several values. */
  private static Map<String, List<String>> raw(String... namesAndValues) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      raw.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return raw;
  }

  private static InvalidBookingQueryException rejectionOf(Map<String, List<String>> raw) {
    try {
      BookingQuery.parse(raw);
    } catch (InvalidBookingQueryException e) {
      return e;
    }
    throw new AssertionError("expected an invalid query: " + raw);
  }

  private static Map<String, String> errorsOf(Map<String, List<String>> raw) {
    return rejectionOf(raw).errors();
  }

  @Test
  void noParametersIsTheEmptyQuery() {
    BookingQuery query = BookingQuery.parse(Map.of());

    assertThat(query).isEqualTo(BookingQuery.empty());
    assertThat(query.isEmpty()).isTrue();
    assertThat(query.toCalParameters()).isEmpty();
    assertThat(query.take()).isEmpty();
    assertThat(query.skip()).isEmpty();
    assertThat(query.statuses()).isEmpty();
  }

  @Test
  void everyParameterIsAcceptedAndForwardedToCalNormalised() {
    BookingQuery query =
        BookingQuery.parse(
            raw(
                "status", "upcoming,past",
                "attendeeEmail", "ana@example.com",
                "attendeeName", "Ana Lima",
                "bookingUid", "uid-1",
                "eventTypeIds", "100,200",
                "eventTypeId", "100",
                "teamIds", "50,60",
                "teamId", "50",
                "afterStart", "2024-01-01T10:00:00+02:00",
                "beforeEnd", "2024-02-01",
                "afterCreatedAt", "2024-01-01T00:00:00Z",
                "beforeCreatedAt", "2024-03-01T12:30:00.500Z",
                "afterUpdatedAt", "2024-01-05T08:00:00Z",
                "beforeUpdatedAt", "2024-01-06",
                "sortStart", "asc",
                "sortEnd", "desc",
                "sortCreated", "desc",
                "sortUpdatedAt", "asc",
                "take", "100",
                "skip", "200"));

    assertThat(query.toCalParameters())
        .containsExactly(
            entry("status", List.of("upcoming,past")),
            entry("attendeeEmail", List.of("ana@example.com")),
            entry("attendeeName", List.of("Ana Lima")),
            entry("bookingUid", List.of("uid-1")),
            entry("eventTypeIds", List.of("100,200")),
            entry("eventTypeId", List.of("100")),
            entry("teamsIds", List.of("50,60")),
            entry("teamId", List.of("50")),
            entry("afterStart", List.of("2024-01-01T08:00:00Z")),
            entry("beforeEnd", List.of("2024-02-01T00:00:00Z")),
            entry("afterCreatedAt", List.of("2024-01-01T00:00:00Z")),
            entry("beforeCreatedAt", List.of("2024-03-01T12:30:00.500Z")),
            entry("afterUpdatedAt", List.of("2024-01-05T08:00:00Z")),
            entry("beforeUpdatedAt", List.of("2024-01-06T00:00:00Z")),
            entry("sortStart", List.of("asc")),
            entry("sortEnd", List.of("desc")),
            entry("sortCreated", List.of("desc")),
            entry("sortUpdatedAt", List.of("asc")),
            entry("take", List.of("100")),
            entry("skip", List.of("200")));
  }

  @Test
  void typedAccessorsGiveTheParsedValues() {
    BookingQuery query =
        BookingQuery.parse(
            raw(
                "status", "cancelled",
                "attendeeEmail", "ana@example.com",
                "attendeeName", "Ana",
                "bookingUid", "uid-1",
                "eventTypeIds", "1,2",
                "eventTypeId", "1",
                "teamIds", "7",
                "teamId", "7",
                "afterStart", "2024-01-01",
                "beforeEnd", "2024-01-31T23:00:00Z",
                "afterCreatedAt", "2023-12-01",
                "beforeCreatedAt", "2023-12-31",
                "afterUpdatedAt", "2024-01-02T03:04:05Z",
                "beforeUpdatedAt", "2024-01-03",
                "sortStart", "desc",
                "sortEnd", "asc",
                "sortCreated", "asc",
                "sortUpdatedAt", "desc",
                "take", "1",
                "skip", "0"));

    assertThat(query.statuses()).containsExactly("cancelled");
    assertThat(query.attendeeEmail()).contains("ana@example.com");
    assertThat(query.attendeeName()).contains("Ana");
    assertThat(query.bookingUid()).contains("uid-1");
    assertThat(query.eventTypeIds()).containsExactly("1", "2");
    assertThat(query.eventTypeId()).contains("1");
    assertThat(query.teamIds()).containsExactly("7");
    assertThat(query.teamId()).contains("7");
    assertThat(query.afterStart()).contains(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(query.beforeEnd()).contains(Instant.parse("2024-01-31T23:00:00Z"));
    assertThat(query.afterCreatedAt()).contains(Instant.parse("2023-12-01T00:00:00Z"));
    assertThat(query.beforeCreatedAt()).contains(Instant.parse("2023-12-31T00:00:00Z"));
    assertThat(query.afterUpdatedAt()).contains(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(query.beforeUpdatedAt()).contains(Instant.parse("2024-01-03T00:00:00Z"));
    assertThat(query.sortStart()).contains(SortOrder.DESC);
    assertThat(query.sortEnd()).contains(SortOrder.ASC);
    assertThat(query.sortCreated()).contains(SortOrder.ASC);
    assertThat(query.sortUpdatedAt()).contains(SortOrder.DESC);
    assertThat(query.take()).hasValue(1);
    assertThat(query.skip()).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "upcoming",
        "recurring",
        "past",
        "cancelled",
        "unconfirmed",
        "accepted",
        "pending",
        "rejected",
        "completed"
      })
  void eachKnownStatusIsAccepted(String status) {
    assertThat(BookingQuery.parse(raw("status", status)).statuses()).containsExactly(status);
  }

  @Test
  void statusesMayBeRepeatedAndCommaSeparatedAtOnce() {
    BookingQuery query =
        BookingQuery.parse(
            raw("status", "upcoming, past", "status", "cancelled", "status", "past"));

    assertThat(query.statuses()).containsExactly("upcoming", "past", "cancelled");
    assertThat(query.toCalParameters()).containsEntry("status", List.of("upcoming,past,cancelled"));
  }

  @Test
  void unknownStatusIsNamedInTheError() {
    assertThat(errorsOf(raw("status", "upcoming,done")))
        .containsOnlyKeys("status")
        .hasEntrySatisfying("status", message -> assertThat(message).contains("done"));
  }

  @Test
  void statusIsCaseSensitive() {
    assertThat(errorsOf(raw("status", "Upcoming"))).containsOnlyKeys("status");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ana@example.com", "first.last+tag@mail.example.org"})
  void validEmailIsAccepted(String email) {
    assertThat(BookingQuery.parse(raw("attendeeEmail", email)).attendeeEmail()).contains(email);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ana", "ana@", "@example.com", "ana@example", "ana @example.com", "a@b@c.d"})
  void invalidEmailIsRejected(String email) {
    assertThat(errorsOf(raw("attendeeEmail", email)))
        .containsExactly(entry("attendeeEmail", "must be a valid email address"));
  }

  @ParameterizedTest
  @CsvSource({
    "2024-05-01T10:15:30Z, 2024-05-01T10:15:30Z",
    "2024-05-01T10:15:30.123Z, 2024-05-01T10:15:30.123Z",
    "2024-05-01T12:15:30+02:00, 2024-05-01T10:15:30Z",
    "2024-05-01T10:15Z, 2024-05-01T10:15:00Z",
    "2024-05-01T10:15:30, 2024-05-01T10:15:30Z",
    "2024-05-01, 2024-05-01T00:00:00Z"
  })
  void dateTimeFormsAreAcceptedAndForwardedAsUtcInstants(String given, String forwarded) {
    BookingQuery query = BookingQuery.parse(raw("afterStart", given));

    assertThat(query.toCalParameters()).containsEntry("afterStart", List.of(forwarded));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2024-13-01", "2024-02-30", "01/05/2024", "1714557330"})
  void invalidDateTimeIsRejected(String value) {
    assertThat(errorsOf(raw("beforeCreatedAt", value)))
        .containsExactly(
            entry("beforeCreatedAt", "must be an ISO 8601 date-time or a yyyy-MM-dd date"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ascending", "ASC", "up", "1"})
  void sortOtherThanAscOrDescIsRejected(String value) {
    assertThat(errorsOf(raw("sortStart", value)))
        .containsExactly(entry("sortStart", "must be asc or desc"));
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "500, 500", "' 42 ', 42"})
  void takeWithinBoundsIsAccepted(String value, int expected) {
    assertThat(BookingQuery.parse(raw("take", value)).take()).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "501", "abc", "-1", "1.5", "99999999999999"})
  void takeOutsideBoundsOrNotAnIntegerIsRejected(String value) {
    assertThat(errorsOf(raw("take", value)))
        .containsExactly(entry("take", "must be an integer between 1 and 500"));
  }

  @Test
  void skipOfZeroOrMoreIsAccepted() {
    assertThat(BookingQuery.parse(raw("skip", "0")).skip()).hasValue(0);
    assertThat(BookingQuery.parse(raw("skip", "1000")).skip()).hasValue(1000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "x"})
  void negativeOrNonNumericSkipIsRejected(String value) {
    assertThat(errorsOf(raw("skip", value)))
        .containsExactly(entry("skip", "must be an integer greater than or equal to 0"));
  }

  @Test
  void blankValuesAreIgnoredAsIfAbsent() {
    BookingQuery query =
        BookingQuery.parse(
            raw(
                "take", "",
                "skip", "   ",
                "attendeeEmail", "",
                "status", "",
                "afterStart", " ",
                "sortStart", "",
                "eventTypeIds", ",,"));

    assertThat(query).isEqualTo(BookingQuery.empty());
  }

  @Test
  void blankRepeatedValueDoesNotCountAsASecondValue() {
    assertThat(BookingQuery.parse(raw("take", "", "take", "20")).take()).hasValue(20);
  }

  @Test
  void singleValuedParameterGivenTwiceIsRejected() {
    assertThat(errorsOf(raw("take", "10", "take", "20")))
        .containsExactly(entry("take", "must be given only once"));
  }

  @Test
  void unknownParameterIsRejected() {
    assertThat(errorsOf(raw("foo", "bar"))).containsExactly(entry("foo", "unknown parameter"));
  }

  @Test
  void unknownParameterIsRejectedEvenWithABlankValue() {
    assertThat(errorsOf(raw("limit", ""))).containsExactly(entry("limit", "unknown parameter"));
  }

  @Test
  void parameterNamesAreCaseSensitive() {
    assertThat(errorsOf(raw("Take", "10"))).containsExactly(entry("Take", "unknown parameter"));
  }

  @Test
  void everyBadFieldIsReportedAtOnceKnownFieldsFirst() {
    InvalidBookingQueryException error =
        rejectionOf(
            raw(
                "zeta", "1",
                "take", "501",
                "foo", "x",
                "status", "nope",
                "afterStart", "soon",
                "skip", "-1",
                "bookingUid", "fine"));

    assertThat(error.errors())
        .containsExactly(
            entry(
                "status",
                "unknown status nope; must be one of upcoming, recurring, past, cancelled,"
                    + " unconfirmed, accepted, pending, rejected, completed"),
            entry("afterStart", "must be an ISO 8601 date-time or a yyyy-MM-dd date"),
            entry("take", "must be an integer between 1 and 500"),
            entry("skip", "must be an integer greater than or equal to 0"),
            entry("foo", "unknown parameter"),
            entry("zeta", "unknown parameter"));
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.detail()).contains("status", "afterStart", "take", "skip", "foo", "zeta");
    assertThat(error.extensions()).containsEntry("errors", error.errors());
  }

  @Test
  void copyMethodsChangeOnlyTheirParameter() {
    BookingQuery base = BookingQuery.parse(raw("status", "past", "take", "10"));

    BookingQuery paged =
        base.withTake(100).withSkip(300).withAfterUpdatedAt(Instant.parse("2024-06-01T00:00:00Z"));

    assertThat(paged.statuses()).containsExactly("past");
    assertThat(paged.take()).hasValue(100);
    assertThat(paged.skip()).hasValue(300);
    assertThat(paged.afterUpdatedAt()).contains(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(base.take()).hasValue(10);
    assertThat(base.skip()).isEmpty();
    assertThat(paged)
        .isEqualTo(
            BookingQuery.parse(
                raw(
                    "status", "past",
                    "take", "100",
                    "skip", "300",
                    "afterUpdatedAt", "2024-06-01T00:00:00Z")));
  }

  @Test
  void copyMethodsRejectWhatParseWouldReject() {
    assertThatThrownBy(() -> BookingQuery.empty().withTake(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BookingQuery.empty().withTake(501))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BookingQuery.empty().withSkip(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
