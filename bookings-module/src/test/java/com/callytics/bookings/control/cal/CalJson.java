package com.callytics.bookings.control.cal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Cal.com booking JSON for tests. */
final class CalJson {

  /** A Cal.com v2 booking with every member the translator reads. */
  static final String FULL_BOOKING =
      """
      {
        "id": 123,
        "uid": "booking-uid-123",
        "title": "Consultation with Jane",
        "description": "Discuss the roadmap",
        "hosts": [
          {"id": 1, "name": "Jane Host", "email": "jane@example.com", "username": "jane",
           "timeZone": "Europe/Berlin"}
        ],
        "status": "ACCEPTED",
        "cancellationReason": "Host ill",
        "cancelledByEmail": "jane@example.com",
        "reschedulingReason": "Conflict",
        "rescheduledByEmail": "john@example.com",
        "rescheduledFromUid": "old-uid",
        "rescheduledToUid": "new-uid",
        "start": "2024-08-13T15:30:00.000Z",
        "end": "2024-08-13T18:15:00+02:00",
        "duration": 45,
        "eventTypeId": 50,
        "eventType": {"id": 50, "slug": "consultation"},
        "meetingUrl": "https://meet.example.com/abc",
        "location": "https://meet.example.com/abc",
        "absentHost": true,
        "createdAt": "2024-08-01T09:00:00Z",
        "updatedAt": "2024-08-02T10:00:00Z",
        "metadata": {"source": "web", "priority": 2},
        "rating": 4,
        "icsUid": "ics-123@example.com",
        "attendees": [
          {"name": "John Guest", "email": "john@example.com", "timeZone": "America/New_York",
           "language": "en", "absent": true, "phoneNumber": "+15551234567"},
          {"name": "Mia", "email": "mia@example.com", "timeZone": "Europe/Paris",
           "language": {"locale": "fr"}}
        ],
        "guests": ["guest1@example.com", "guest2@example.com"],
        "bookingFieldsResponses": {"notes": "Bring slides", "rescheduleReason": "ignored"}
      }
      """;

  /** Only what a booking cannot do without. */
  static final String SPARSE_BOOKING =
      """
      {"id": 7, "uid": "sparse-uid", "start": "2024-01-01T10:00:00Z",
       "end": "2024-01-01T10:30:00Z"}
      """;

  private CalJson() {}

  static JsonObject object(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
