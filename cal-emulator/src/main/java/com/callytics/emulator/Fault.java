package com.callytics.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A misbehaviour the emulator plays instead of (or, for {@link #delay(Duration)}, before) the
 * normal answer of an endpoint. Instances are immutable and can be queued several times.
 */
public final class Fault {

  private static final String JSON = "application/json; charset=utf-8";

  private final String description;
  private final int status;
  private final String contentType;
  private final String body;
  private final Map<String, String> headers;
  private final Duration delay;

  private Fault(
      String description,
      int status,
      String contentType,
      String body,
      Map<String, String> headers,
      Duration delay) {
    this.description = description;
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = Map.copyOf(headers);
    this.delay = delay;
  }

  /** Any status with a JSON body (an empty or null body sends no body). */
  public static Fault status(int code, String jsonBody) {
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException("HTTP status out of range: " + code);
    }
    return new Fault("status " + code, code, JSON, jsonBody, Map.of(), null);
  }

  /** 500 with a JSON error body. */
  public static Fault serverError() {
    return new Fault(
        "serverError",
        500,
        JSON,
        "{\"status\":\"error\",\"error\":{\"code\":\"INTERNAL_SERVER_ERROR\","
            + "\"message\":\"Internal server error\"}}",
        Map.of(),
        null);
  }

  /** 429 with a {@code Retry-After} header in seconds. */
  public static Fault tooManyRequests(int retryAfterSeconds) {
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must not be negative");
    }
    return new Fault(
        "tooManyRequests(" + retryAfterSeconds + ")",
        429,
        JSON,
        "{\"status\":\"error\",\"error\":{\"code\":\"TOO_MANY_REQUESTS\","
            + "\"message\":\"Too many requests\"}}",
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
        null);
  }

  /** 400 {@code {"error":"invalid_grant"}}. */
  public static Fault invalidGrant() {
    return new Fault("invalidGrant", 400, JSON, "{\"error\":\"invalid_grant\"}", Map.of(), null);
  }

  /** 401 {@code {"message":"Unauthorized"}}. */
  public static Fault unauthorized() {
    return new Fault("unauthorized", 401, JSON, "{\"message\":\"Unauthorized\"}", Map.of(), null);
  }

  /** 200 with a JSON content type and a body cut off in the middle of a value. */
  public static Fault malformedJson() {
    return new Fault(
        "malformedJson",
        200,
        JSON,
        "{\"status\":\"success\",\"data\":[{\"id\":1,\"uid\":\"trunc",
        Map.of(),
        null);
  }

  /** 200 with an HTML page instead of JSON (a proxy or maintenance page). */
  public static Fault html() {
    return new Fault(
        "html",
        200,
        "text/html; charset=utf-8",
        "<!DOCTYPE html><html><head><title>Cal.com</title></head>"
            + "<body><h1>We'll be right back</h1><p>Cal.com is down for maintenance.</p>"
            + "</body></html>",
        Map.of(),
        null);
  }

  /** 302 to the given location, no body. */
  public static Fault redirect(String location) {
    Objects.requireNonNull(location, "location");
    return new Fault("redirect", 302, null, null, Map.of("Location", location), null);
  }

  /** Waits for the given time, then the request is processed normally. */
  public static Fault delay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    return new Fault("delay(" + delay + ")", 0, null, null, Map.of(), delay);
  }

  boolean isDelay() {
    return delay != null;
  }

  Duration delayDuration() {
    return delay;
  }

  int statusCode() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  String body() {
    return body;
  }

  Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "Fault[" + description + "]";
  }
}
