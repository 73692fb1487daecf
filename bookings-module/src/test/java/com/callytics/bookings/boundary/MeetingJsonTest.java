package com.callytics.bookings.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.bookings.control.cal.CalBookingTranslator;
import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Pagination;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingJsonTest {

  private static final String FULL_BOOKING =
      """
      {"id": 123, "uid": "booking-uid-123", "title": "Consultation", "description": "Roadmap",
       "hosts": [{"id": 1, "name": "Jane", "email": "jane@example.com", "username": "jane",
                  "timeZone": "Europe/Berlin"}],
       "status": "Accepted", "cancellationReason": "none", "cancelledByEmail": "jane@example.com",
       "rescheduledByEmail": "john@example.com", "rescheduledFromUid": "old",
       "rescheduledToUid": "new", "start": "2024-08-13T15:30:00.250+02:00",
       "end": "2024-08-13T16:00:00Z", "eventType": {"id": 50, "slug": "consultation"},
       "meetingUrl": "https://meet.example.com/abc", "location": "Office", "absentHost": true,
       "createdAt": "2024-08-01T09:00:00Z", "metadata": {"a": [1, 2.50, {"b": null}]},
       "rating": 5, "icsUid": "ics-1",
       "attendees": [{"name": "John", "email": "john@example.com", "timeZone": "UTC",
                      "language": {"locale": "de"}, "absent": true, "phoneNumber": "+4912345"}],
       "guests": ["guest@example.com"],
       "bookingFieldsResponses": {"rescheduleReason": "Travel", "notes": "hi"}}
      """;

  private static final String SPARSE_BOOKING =
      """
      {"id": 7, "uid": "sparse", "start": "2024-01-01T10:00:00Z", "end": "2024-01-01T10:30:00Z"}
      """;

  private final CalBookingTranslator translator = new CalBookingTranslator();

  private static JsonObject object(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private Booking translated(JsonObject json) {
    return translator.translate(json).orElseThrow();
  }

  @Test
  void fullBookingSurvivesTheRoundTrip() {
    Booking booking = translated(object(FULL_BOOKING));

    Booking again = translated(MeetingJson.toJson(booking));

    assertThat(again).isEqualTo(booking);
    assertThat(again.reschedulingReason()).isEqualTo("Travel");
  }

  @Test
  void sparseBookingSurvivesTheRoundTrip() {
    Booking booking = translated(object(SPARSE_BOOKING));

    assertThat(translated(MeetingJson.toJson(booking))).isEqualTo(booking);
  }

  @Test
  void roundTripThroughTextKeepsTheBooking() {
    Booking booking = translated(object(FULL_BOOKING));

    String text = MeetingJson.toJson(booking).toString();

    assertThat(translated(object(text))).isEqualTo(booking);
  }

  @Test
  void missingValuesAreWrittenAsNullAndInstantsAsUtc() {
    JsonObject json = MeetingJson.toJson(translated(object(SPARSE_BOOKING)));

    assertThat(json.keySet())
        .containsExactly(
            "id",
            "uid",
            "title",
            "description",
            "hosts",
            "status",
            "cancellationReason",
            "cancelledByEmail",
            "reschedulingReason",
            "rescheduledByEmail",
            "rescheduledFromUid",
            "rescheduledToUid",
            "start",
            "end",
            "duration",
            "eventTypeId",
            "eventType",
            "meetingUrl",
            "location",
            "absentHost",
            "createdAt",
            "updatedAt",
            "metadata",
            "rating",
            "icsUid",
            "attendees",
            "guests",
            "bookingFieldsResponses");
    assertThat(json.get("description")).isEqualTo(JsonValue.NULL);
    assertThat(json.get("eventTypeId")).isEqualTo(JsonValue.NULL);
    assertThat(json.get("eventType")).isEqualTo(JsonValue.NULL);
    assertThat(json.get("rating")).isEqualTo(JsonValue.NULL);
    assertThat(json.get("createdAt")).isEqualTo(JsonValue.NULL);
    assertThat(json.getString("title")).isEmpty();
    assertThat(json.getString("start")).isEqualTo("2024-01-01T10:00:00Z");
    assertThat(json.getString("updatedAt")).isEqualTo("2024-01-01T10:00:00Z");
    assertThat(json.getInt("duration")).isEqualTo(30);
    assertThat(json.getBoolean("absentHost")).isFalse();
    assertThat(json.getJsonObject("metadata")).isEmpty();
    assertThat(json.getJsonArray("attendees")).isEmpty();
  }

  @Test
  void offsetStartIsWrittenInUtc() {
    JsonObject json = MeetingJson.toJson(translated(object(FULL_BOOKING)));

    assertThat(json.getString("start")).isEqualTo("2024-08-13T13:30:00.250Z");
    assertThat(json.getString("status")).isEqualTo("accepted");
    assertThat(json.getJsonObject("metadata"))
        .isEqualTo(object("{\"a\": [1, 2.50, {\"b\": null}]}"));
    assertThat(json.getJsonArray("attendees").getJsonObject(0).getString("language"))
        .isEqualTo("de");
  }

  @Test
  void metadataThatIsNotAJsonObjectIsWrittenAsAnEmptyObject() {
    Booking booking =
        new Booking(
            1,
            "u",
            "t",
            null,
            List.of(),
            "accepted",
            null,
            null,
            null,
            null,
            null,
            null,
            Instant.EPOCH,
            Instant.EPOCH,
            0,
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            "not json",
            null,
            null,
            List.of(),
            List.of(),
            "[1]");

    JsonObject json = MeetingJson.toJson(booking);

    assertThat(json.getJsonObject("metadata")).isEmpty();
    assertThat(json.getJsonObject("bookingFieldsResponses")).isEmpty();
  }

  @Test
  void envelopeHoldsDataAndPagination() {
    Booking booking = translated(object(SPARSE_BOOKING));
    Pagination pagination = Pagination.compute(10, 0, 1, 1);

    JsonObject envelope = MeetingJson.envelope(List.of(booking), pagination);

    assertThat(envelope)
        .isEqualTo(
            object(
                """
                {"status": "success", "data": [%s],
                 "pagination": {"totalItems": 1, "remainingItems": 0, "returnedItems": 1,
                                "itemsPerPage": 10, "currentPage": 1, "totalPages": 1,
                                "hasNextPage": false, "hasPreviousPage": false},
                 "error": {}}
                """
                    .formatted(MeetingJson.toJson(booking))));
  }

  @Test
  void emptyPaginationIsAllZeros() {
    assertThat(MeetingJson.pagination(Pagination.empty()))
        .isEqualTo(
            object(
                """
                {"totalItems": 0, "remainingItems": 0, "returnedItems": 0, "itemsPerPage": 0,
                 "currentPage": 0, "totalPages": 0, "hasNextPage": false,
                 "hasPreviousPage": false}
                """));
  }

  @Test
  void errorEnvelopeCarriesMessageAndDetails() {
    JsonObject details = object("{\"take\": \"must be an integer between 1 and 500\"}");

    assertThat(MeetingJson.errorEnvelope("Invalid query", details))
        .isEqualTo(
            object(
                """
                {"status": "error", "data": [], "pagination": {},
                 "error": {"message": "Invalid query",
                           "details": {"take": "must be an integer between 1 and 500"}}}
                """));
  }

  @Test
  void errorEnvelopeLeavesOutMissingDetails() {
    assertThat(MeetingJson.errorEnvelope("Cal.com is unavailable", null))
        .isEqualTo(
            object(
                """
                {"status": "error", "data": [], "pagination": {},
                 "error": {"message": "Cal.com is unavailable"}}
                """));
  }
}
