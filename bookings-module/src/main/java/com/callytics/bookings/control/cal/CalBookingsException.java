package com.callytics.bookings.control.cal;

import com.callytics.platform.boundary.ProblemException;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cal.com answered {@code GET /v2/bookings} with an error, or not at all. The problem's status is
 * Cal.com's own (a 4xx or 5xx), or 503/504 when Cal.com could not be reached or did not answer in
 * time; Cal.com's error body, when there was one, is the {@code details} member. Never carries a
 * token.
 */
public class CalBookingsException extends ProblemException {

  /** The message callers see, whatever Cal.com said. */
  public static final String MESSAGE = "Cal.com bookings request failed.";

  private final int calStatus;
  private final transient JsonValue calBody;

  /**
   * @param status the status to answer with
   * @param calStatus the status Cal.com answered with, 0 when it did not answer
   * @param calBody Cal.com's error body (JSON, or its text as a JSON string), or {@code null}
   */
  public CalBookingsException(int status, int calStatus, JsonValue calBody, Throwable cause) {
    this(status, "Cal.com bookings request failed", MESSAGE, calStatus, calBody, cause);
  }

  protected CalBookingsException(
      int status, String title, String detail, int calStatus, JsonValue calBody, Throwable cause) {
    super(status, title, detail, extensions(calStatus, calBody), cause);
    this.calStatus = calStatus;
    this.calBody = calBody;
  }

  /** The status Cal.com answered with; 0 when it did not answer. */
  public int calStatus() {
    return calStatus;
  }

  /** Cal.com's error body, when it sent one. */
  public Optional<JsonValue> findCalBody() {
    return Optional.ofNullable(calBody);
  }

  private static Map<String, Object> extensions(int calStatus, JsonValue calBody) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (calStatus > 0) {
      extensions.put("calStatus", calStatus);
    }
    if (calBody != null) {
      extensions.put("details", calBody);
    }
    return extensions;
  }
}
