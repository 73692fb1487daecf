package com.callytics.bookings.control.cal;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Objects;

/**
 * Cal.com still answered 429 Too Many Requests after we waited as long as it asked (within our
 * bound) and tried once more: 503, with the wait Cal.com asked for.
 */
public class CalRateLimitedException extends CalBookingsException {

  private static final int SERVICE_UNAVAILABLE = 503;
  private static final int TOO_MANY_REQUESTS = 429;

  private final Duration retryAfter;

  public CalRateLimitedException(Duration retryAfter, JsonValue calBody) {
    super(
        SERVICE_UNAVAILABLE,
        "Cal.com is rate limiting",
        "Cal.com is receiving too many requests. Try again shortly.",
        TOO_MANY_REQUESTS,
        calBody,
        null);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** How long Cal.com asked us to wait (at least one second). */
  public Duration retryAfter() {
    return retryAfter;
  }
}
