package com.callytics.bookings.control.cal;

import static com.callytics.bookings.control.cal.CalJson.FULL_BOOKING;
import static com.callytics.bookings.control.cal.CalJson.SPARSE_BOOKING;
import static com.callytics.bookings.control.cal.CalJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Booking.Attendee;
import com.callytics.bookings.entity.Booking.EventTypeRef;
import com.callytics.bookings.entity.Booking.Host;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalBookingTranslatorTest {

  private final CalBookingTranslator translator = new CalBookingTranslator();

  private Booking translated(String json) {
    return translator.translate(object(json)).orElseThrow();
  }

  @Test
  void fullBookingKeepsEveryField() {
    Booking booking = translated(FULL_BOOKING);

    assertThat(booking.id()).isEqualTo(123L);
    assertThat(booking.uid()).isEqualTo("booking-uid-123");
    assertThat(booking.title()).isEqualTo("Consultation with Jane");
    assertThat(booking.description()).isEqualTo("Discuss the roadmap");
    assertThat(booking.hosts())
        .containsExactly(new Host(1L, "Jane Host", "jane@example.com", "jane", "Europe/Berlin"));
    assertThat(booking.status()).isEqualTo("accepted");
    assertThat(booking.isAccepted()).isTrue();
    assertThat(booking.cancellationReason()).isEqualTo("Host ill");
    assertThat(booking.cancelledByEmail()).isEqualTo("jane@example.com");
    assertThat(booking.reschedulingReason()).isEqualTo("Conflict");
    assertThat(booking.rescheduledByEmail()).isEqualTo("john@example.com");
    assertThat(booking.rescheduledFromUid()).isEqualTo("old-uid");
    assertThat(booking.rescheduledToUid()).isEqualTo("new-uid");
    assertThat(booking.start()).isEqualTo(Instant.parse("2024-08-13T15:30:00Z"));
    assertThat(booking.end()).isEqualTo(Instant.parse("2024-08-13T16:15:00Z"));
    assertThat(booking.duration()).isEqualTo(45);
    assertThat(booking.eventTypeId()).isEqualTo(50L);
    assertThat(booking.eventType()).isEqualTo(new EventTypeRef(50L, "consultation"));
    assertThat(booking.meetingUrl()).isEqualTo("https://meet.example.com/abc");
    assertThat(booking.location()).isEqualTo("https://meet.example.com/abc");
    assertThat(booking.absentHost()).isTrue();
    assertThat(booking.createdAt()).isEqualTo(Instant.parse("2024-08-01T09:00:00Z"));
    assertThat(booking.updatedAt()).isEqualTo(Instant.parse("2024-08-02T10:00:00Z"));
    assertThat(object(booking.metadata())).isEqualTo(object("{\"source\":\"web\",\"priority\":2}"));
    assertThat(booking.rating()).isEqualTo(4);
    assertThat(booking.icsUid()).isEqualTo("ics-123@example.com");
    assertThat(booking.attendees())
        .containsExactly(
            new Attendee(
                "John Guest", "john@example.com", "America/New_York", "en", true, "+15551234567"),
            new Attendee("Mia", "mia@example.com", "Europe/Paris", "fr", false, null));
    assertThat(booking.guests()).containsExactly("guest1@example.com", "guest2@example.com");
    assertThat(object(booking.bookingFieldsResponses()))
        .isEqualTo(object("{\"notes\":\"Bring slides\",\"rescheduleReason\":\"ignored\"}"));
  }

  @Test
  void sparseBookingGetsDefaults() {
    Booking booking = translated(SPARSE_BOOKING);

    Instant start = Instant.parse("2024-01-01T10:00:00Z");
    assertThat(booking)
        .isEqualTo(
            new Booking(
                7L,
                "sparse-uid",
                "",
                null,
                List.of(),
                CalBookingTranslator.UNKNOWN_STATUS,
                null,
                null,
                null,
                null,
                null,
                null,
                start,
                Instant.parse("2024-01-01T10:30:00Z"),
                30,
                null,
                null,
                null,
                null,
                false,
                null,
                start,
                "{}",
                null,
                null,
                List.of(),
                List.of(),
                "{}"));
  }

  @Test
  void valuesOfTheWrongTypeAreTreatedAsMissing() {
    Booking booking =
        translated(
            """
            {"id": 9, "uid": "odd", "start": "2024-03-01T09:00:00Z", "end": "2024-03-01T10:15:00Z",
             "title": 5, "description": ["x"], "hosts": "jane", "status": 3,
             "cancellationReason": false, "duration": "75 minutes", "eventTypeId": "50",
             "eventType": "consultation", "absentHost": "yes", "createdAt": 1700000000,
             "updatedAt": "not a date", "metadata": "source=web", "rating": "5",
             "attendees": [1, "john", {"name": "Ana", "absent": "no", "language": 4}],
             "guests": ["a@example.com", 3, null, {"email": "b@example.com"}],
             "bookingFieldsResponses": []}
            """);

    assertThat(booking.title()).isEmpty();
    assertThat(booking.description()).isNull();
    assertThat(booking.hosts()).isEmpty();
    assertThat(booking.status()).isEqualTo("unknown");
    assertThat(booking.cancellationReason()).isNull();
    assertThat(booking.duration()).isEqualTo(75);
    assertThat(booking.eventTypeId()).isNull();
    assertThat(booking.eventType()).isNull();
    assertThat(booking.absentHost()).isFalse();
    assertThat(booking.createdAt()).isNull();
    assertThat(booking.updatedAt()).isEqualTo(booking.start());
    assertThat(booking.metadata()).isEqualTo("{}");
    assertThat(booking.rating()).isNull();
    assertThat(booking.attendees())
        .containsExactly(new Attendee("Ana", null, null, null, false, null));
    assertThat(booking.guests()).containsExactly("a@example.com");
    assertThat(booking.bookingFieldsResponses()).isEqualTo("{}");
  }

  @Test
  void fractionalRatingIsNotARating() {
    assertThat(translated(withExtra("\"rating\": 4.5")).rating()).isNull();
  }

  @Test
  void missingDurationIsDerivedFromStartAndEnd() {
    Booking booking =
        translated(
            """
            {"id": 1, "uid": "u", "start": "2024-03-01T09:00:00+01:00",
             "end": "2024-03-01T09:50:00Z"}
            """);

    assertThat(booking.duration()).isEqualTo(110);
  }

  @Test
  void eventTypeIdFallsBackToTheEventTypeObject() {
    Booking booking = translated(withExtra("\"eventType\": {\"id\": 77, \"slug\": \"intro\"}"));

    assertThat(booking.eventTypeId()).isEqualTo(77L);
    assertThat(booking.eventType()).isEqualTo(new EventTypeRef(77L, "intro"));
  }

  @Test
  void reschedulingReasonFallsBackToTheBookingFieldResponse() {
    Booking booking =
        translated(withExtra("\"bookingFieldsResponses\": {\"rescheduleReason\": \"Travel\"}"));

    assertThat(booking.reschedulingReason()).isEqualTo("Travel");
  }

  @Test
  void updatedAtFallsBackToCreatedAt() {
    Booking booking = translated(withExtra("\"createdAt\": \"2023-12-24T18:00:00Z\""));

    assertThat(booking.updatedAt()).isEqualTo(Instant.parse("2023-12-24T18:00:00Z"));
  }

  @Test
  void languageObjectWithoutLocaleIsNoLanguage() {
    Booking booking =
        translated(withExtra("\"attendees\": [{\"name\": \"Ana\", \"language\": {\"code\": 1}}]"));

    assertThat(booking.attendees()).extracting(Attendee::language).containsOnlyNulls();
  }

  @Test
  void cancelledStatusInAnyCaseIsCancelled() {
    assertThat(translated(withExtra("\"status\": \"Cancelled\"")).isCancelled()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"uid\": \"u\", \"start\": \"2024-01-01T10:00:00Z\", \"end\": \"2024-01-01T11:00:00Z\"}",
        "{\"id\": 1, \"start\": \"2024-01-01T10:00:00Z\", \"end\": \"2024-01-01T11:00:00Z\"}",
        "{\"id\": \"1\", \"uid\": \"u\", \"start\": \"2024-01-01T10:00:00Z\","
            + " \"end\": \"2024-01-01T11:00:00Z\"}",
        "{\"id\": 1.5, \"uid\": \"u\", \"start\": \"2024-01-01T10:00:00Z\","
            + " \"end\": \"2024-01-01T11:00:00Z\"}",
        "{\"id\": 1, \"uid\": \" \", \"start\": \"2024-01-01T10:00:00Z\","
            + " \"end\": \"2024-01-01T11:00:00Z\"}",
        "{\"id\": 1, \"uid\": 2, \"start\": \"2024-01-01T10:00:00Z\","
            + " \"end\": \"2024-01-01T11:00:00Z\"}",
        "{\"id\": 1, \"uid\": \"u\", \"end\": \"2024-01-01T11:00:00Z\"}",
        "{\"id\": 1, \"uid\": \"u\", \"start\": \"2024-01-01T10:00:00Z\"}",
        "{\"id\": 1, \"uid\": \"u\", \"start\": \"tomorrow\", \"end\": \"2024-01-01T11:00:00Z\"}",
        "{\"id\": 1, \"uid\": \"u\", \"start\": \"2024-01-01T10:00:00\","
            + " \"end\": \"2024-01-01T11:00:00Z\"}"
      })
  void bookingWithoutIdUidOrParsableTimesCannotBeTranslated(String json) {
    assertThat(translator.translate(object(json))).isEmpty();
  }

  private static String withExtra(String member) {
    return "{\"id\": 1, \"uid\": \"u\", \"start\": \"2024-01-01T10:00:00Z\","
        + " \"end\": \"2024-01-01T11:00:00Z\", "
        + member
        + "}";
  }
}
