package com.callytics.platform.boundary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A business failure that the API reports as RFC 9457 problem details: an HTTP status, a short
 * title, a detail a person can act on, and optional extension members (for example {@code reauth}).
 * Messages never carry tokens, codes or secrets.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final Map<String, Object> extensions;

  public ProblemException(int status, String title, String detail) {
    this(status, title, detail, Map.of(), null);
  }

  public ProblemException(
      int status, String title, String detail, Map<String, Object> extensions, Throwable cause) {
    super(Objects.requireNonNull(detail, "detail"), cause);
    this.status = status;
    this.title = Objects.requireNonNull(title, "title");
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
