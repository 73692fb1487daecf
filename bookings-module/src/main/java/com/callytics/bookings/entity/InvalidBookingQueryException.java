package com.callytics.bookings.entity;

import com.callytics.platform.boundary.ProblemException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bookings query with unknown parameters or invalid values: a 400 problem whose {@code errors}
 * member names every bad parameter with what is wrong with it.
 */
public class InvalidBookingQueryException extends ProblemException {

  private static final int BAD_REQUEST = 400;

  private final transient Map<String, String> errors;

  /**
   * @param errors parameter name to message, in the order they should be reported; not empty
   */
  public InvalidBookingQueryException(Map<String, String> errors) {
    this(copyOf(errors), BAD_REQUEST);
  }

  private InvalidBookingQueryException(Map<String, String> errors, int status) {
    super(
        status,
        "Invalid bookings query",
        "Invalid query parameters: " + String.join(", ", errors.keySet()),
        Map.of("errors", errors),
        null);
    this.errors = errors;
  }

  /** Parameter name to message, in a stable order: known parameters first, then unknown ones. */
  public Map<String, String> errors() {
    return errors;
  }

  private static Map<String, String> copyOf(Map<String, String> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid query needs at least one error");
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }
}
