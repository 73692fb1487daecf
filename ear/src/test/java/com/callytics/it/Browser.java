package com.callytics.it;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that follows no redirects by itself, like a careful browser. */
final class Browser {

  final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

  HttpResponse<String> get(String url) {
    return send(Http.request(url).GET());
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response = Http.send(request.build());
    for (String header : response.headers().allValues("Set-Cookie")) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
          cookies.remove(cookie.getName());
        } else {
          cookies.put(cookie.getName(), cookie.getValue());
        }
      }
    }
    return response;
  }

  static Optional<String> setCookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(h -> h.startsWith(name + "="))
        .findFirst();
  }

  static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  static Map<String, String> query(String url) {
    String raw = URI.create(url).getRawQuery();
    Map<String, String> params = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(
            java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
            kv.length > 1
                ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)
                : "");
      }
    }
    return params;
  }

  /**
   * Signs in through the emulator (auto-approving) and returns the final redirect of the callback.
   */
  HttpResponse<String> signIn(String returnTo) {
    String login =
        "/api/auth/login"
            + (returnTo == null
                ? ""
                : "?returnTo="
                    + java.net.URLEncoder.encode(
                        returnTo, java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> toCal = get(login);
    if (toCal.statusCode() != 302) {
      throw new AssertionError("login answered " + toCal.statusCode());
    }
    HttpResponse<String> back = get(location(toCal));
    if (back.statusCode() != 302) {
      throw new AssertionError("authorize answered " + back.statusCode());
    }
    return get(location(back));
  }
}
