package com.callytics.bookings.control.cal;

import com.callytics.auth.boundary.AccessTokenRejectedException;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Cal.com answered 401 to the access token of a bookings request. The token service refreshes and
 * retries once on it; a caller with their own token gets Cal.com's answer back.
 */
public class CalTokenRejectedException extends AccessTokenRejectedException {

  private final transient JsonValue calBody;

  public CalTokenRejectedException(JsonValue calBody) {
    this.calBody = calBody;
  }

  /** Cal.com's error body, when it sent one. */
  public Optional<JsonValue> findCalBody() {
    return Optional.ofNullable(calBody);
  }
}
