package com.callytics.auth.boundary;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where to go after sign-in: only a relative path on this site. Anything else (another host, a
 * scheme, protocol-relative {@code //evil}, backslashes, control characters, in any encoding) falls
 * back to the dashboard.
 */
final class ReturnPaths {

  static final String DEFAULT = "/dashboard";
  private static final Pattern SAFE =
      Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%#]*");

  private ReturnPaths() {}

  static String sanitize(String candidate) {
    if (candidate == null || candidate.isBlank() || candidate.length() > 512) {
      return DEFAULT;
    }
    String decoded = candidate;
    for (int i = 0; i < 3; i++) {
      if (!isSafe(decoded)) {
        return DEFAULT;
      }
      String next;
      try {
        next = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return DEFAULT;
      }
      if (next.equals(decoded)) {
        return candidate;
      }
      decoded = next;
    }
    return isSafe(decoded) ? candidate : DEFAULT;
  }

  private static boolean isSafe(String path) {
    return SAFE.matcher(path).matches() && !path.contains(":");
  }
}
