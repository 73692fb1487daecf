package com.callytics.bookings.control.cal;

import com.callytics.platform.boundary.ProblemException;
import java.util.Map;

/**
 * Cal.com answered {@code GET /v2/bookings} with something we cannot read as a page of bookings:
 * malformed JSON, an error envelope, or an unknown shape. Reported as 502 Bad Gateway.
 */
public class UnsupportedResponseShapeException extends ProblemException {

  static final String MESSAGE = "Unsupported Cal.com bookings response shape";

  private static final int BAD_GATEWAY = 502;

  public UnsupportedResponseShapeException() {
    this(null);
  }

  public UnsupportedResponseShapeException(Throwable cause) {
    super(BAD_GATEWAY, "Bad gateway", MESSAGE, Map.of(), cause);
  }
}
