package com.callytics.bookings.control.cal;

import jakarta.json.JsonValue;

/**
 * Cal.com answered with a 5xx, or did not answer within the read timeout: worth retrying, since
 * reading bookings is idempotent.
 */
public class CalUnavailableException extends CalBookingsException {

  private static final int GATEWAY_TIMEOUT = 504;

  public CalUnavailableException(int calStatus, JsonValue calBody) {
    super(calStatus, calStatus, calBody, null);
  }

  private CalUnavailableException(Throwable cause) {
    super(
        GATEWAY_TIMEOUT,
        "Cal.com did not answer in time",
        "Cal.com did not answer the bookings request in time. Try again shortly.",
        0,
        null,
        cause);
  }

  /** No answer within the connect or read timeout. */
  public static CalUnavailableException timedOut(Throwable cause) {
    return new CalUnavailableException(cause);
  }
}
