package com.callytics.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the emulator received it. All maps are immutable and multi-valued; header names
 * are lower-case.
 *
 * @param method HTTP method, e.g. {@code POST}
 * @param path the decoded path, e.g. {@code /v2/bookings}
 * @param query decoded query parameters
 * @param form decoded {@code application/x-www-form-urlencoded} body parameters (empty for other
 *     bodies)
 * @param headers request headers, names lower-case
 * @param body the raw body as UTF-8 text (empty when there was none)
 * @param receivedAt when the request arrived (emulator clock)
 */
public record RecordedRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> form,
    Map<String, List<String>> headers,
    String body,
    Instant receivedAt) {

  /** First value of a header (name case-insensitive), or null. */
  public String header(String name) {
    return first(headers, name.toLowerCase(Locale.ROOT));
  }

  /** First value of a query parameter, or null. */
  public String queryParam(String name) {
    return first(query, name);
  }

  /** First value of a form parameter, or null. */
  public String formParam(String name) {
    return first(form, name);
  }

  private static String first(Map<String, List<String>> map, String key) {
    List<String> values = map.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
