package com.callytics.bookings.control.cal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** What a status and body of Cal.com's {@code GET /v2/bookings} mean for us. Pure functions. */
final class CalResponses {

  /** Cal.com's error bodies beyond this are cut (they are a few hundred bytes). */
  static final int MAX_ERROR_TEXT = 2_000;

  /** The wait when Cal.com sends 429 without a usable {@code Retry-After}. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
  private static final int BAD_GATEWAY = 502;

  private CalResponses() {}

  /** Whether the status is a success whose body is a page of bookings. */
  static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  /**
   * The exception for a status that is not a success (429 aside, which the client waits out): 401
   * rejects the token, 5xx is worth a retry, a redirect is not followed (502), any other status is
   * Cal.com's refusal with its own status.
   */
  static RuntimeException failure(int status, String body) {
    if (isSuccess(status)) {
      throw new IllegalArgumentException("not a failure: " + status);
    }
    JsonValue details = errorBody(body);
    if (status == 401) {
      return new CalTokenRejectedException(details);
    }
    if (status >= 500) {
      return new CalUnavailableException(status, details);
    }
    if (status >= 300 && status < 400 || status < 200) {
      return new CalBookingsException(BAD_GATEWAY, status, details, null);
    }
    return new CalBookingsException(status, status, details, null);
  }

  /** Cal.com's error body as JSON when it is JSON, else as a (cut) JSON string; null if empty. */
  static JsonValue errorBody(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = READERS.createReader(new StringReader(body))) {
      return reader.readValue();
    } catch (JsonException | IllegalStateException notJson) {
      String text = body.strip();
      return Json.createValue(
          text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) : text);
    }
  }

  /**
   * How long to wait before trying again after a 429: {@code Retry-After} in seconds or as an HTTP
   * date, at most {@code max}; {@link #DEFAULT_RETRY_AFTER} when missing or unreadable.
   */
  static Duration retryAfter(String header, Instant now, Duration max) {
    Duration wait = DEFAULT_RETRY_AFTER;
    if (header != null && !header.isBlank()) {
      String value = header.strip();
      if (value.chars().allMatch(Character::isDigit)) {
        wait = value.length() > 9 ? max : Duration.ofSeconds(Long.parseLong(value));
      } else {
        try {
          Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          wait = Duration.between(now, at);
        } catch (DateTimeParseException unreadable) {
          wait = DEFAULT_RETRY_AFTER;
        }
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
