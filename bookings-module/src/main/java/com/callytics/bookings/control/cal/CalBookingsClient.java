package com.callytics.bookings.control.cal;

import com.callytics.auth.control.CalConfig;
import com.callytics.bookings.entity.BookingQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Reads one page of a user's bookings from Cal.com ({@code GET {callytics.cal.api-url}/bookings})
 * with the access token it is given, which it never logs.
 *
 * <ul>
 *   <li>Connect and read timeouts from {@link CalConfig}; redirects are not followed.
 *   <li>5xx answers and timeouts are retried twice with a jittered delay (MicroProfile Fault
 *       Tolerance); nothing else is.
 *   <li>429: waits as long as {@code Retry-After} asks (at most {@code
 *       callytics.cal.max-retry-after}) and tries once more; a second 429 is a 503 problem.
 *   <li>401: {@link CalTokenRejectedException}, so that {@code TokenService.callWithToken}
 *       refreshes the token once and calls again.
 *   <li>Any other 4xx: {@link CalBookingsException} with Cal.com's status and error body.
 * </ul>
 */
@ApplicationScoped
public class CalBookingsClient {

  private static final Logger LOG = Logger.getLogger(CalBookingsClient.class.getName());
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int SERVICE_UNAVAILABLE = 503;
  private static final int MAX_ERROR_BYTES = 16_384;

  @Inject CalConfig config;
  @Inject CalBookingsResponseParser parser;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "callytics.cal.max-retry-after", defaultValue = "PT10S")
  Duration maxRetryAfter;

  private volatile CalBookingsApi api;

  /**
   * One page of bookings.
   *
   * @throws CalTokenRejectedException Cal.com refused the token (401)
   * @throws CalBookingsException Cal.com refused the request or could not be reached
   * @throws UnsupportedResponseShapeException the answer is not a page of bookings
   */
  @Retry(
      maxRetries = 2,
      delay = 300,
      jitter = 200,
      maxDuration = 120_000,
      retryOn = CalUnavailableException.class)
  public CalBookingsPage fetch(String accessToken, BookingQuery query) {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(query, "query");
    Response response = send(accessToken, query);
    try {
      if (response.getStatus() == TOO_MANY_REQUESTS) {
        Duration wait =
            CalResponses.retryAfter(
                response.getHeaderString("Retry-After"), clock.instant(), maxRetryAfter);
        response.close();
        LOG.fine(() -> "Cal.com answered 429; trying again in " + wait);
        pause(wait);
        response = send(accessToken, query);
        if (response.getStatus() == TOO_MANY_REQUESTS) {
          Duration again =
              CalResponses.retryAfter(
                  response.getHeaderString("Retry-After"), clock.instant(), maxRetryAfter);
          throw new CalRateLimitedException(
              again.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : again,
              CalResponses.errorBody(errorText(response)));
        }
      }
      return read(response);
    } finally {
      response.close();
    }
  }

  private CalBookingsPage read(Response response) {
    int status = response.getStatus();
    if (!CalResponses.isSuccess(status)) {
      throw CalResponses.failure(status, errorText(response));
    }
    if (!response.hasEntity()) {
      throw new UnsupportedResponseShapeException();
    }
    return parser.parse(response.readEntity(InputStream.class));
  }

  private Response send(String accessToken, BookingQuery query) {
    Map<String, List<String>> parameters = query.toCalParameters();
    List<List<String>> values = new ArrayList<>(CalBookingsApi.PARAMETERS.size());
    for (String name : CalBookingsApi.PARAMETERS) {
      values.add(parameters.getOrDefault(name, List.of()));
    }
    if (!CalBookingsApi.PARAMETERS.containsAll(parameters.keySet())) {
      throw new IllegalStateException("query parameters unknown to the client: " + parameters);
    }
    try {
      return api()
          .bookings(
              "Bearer " + accessToken,
              config.apiVersion(),
              values.get(0),
              values.get(1),
              values.get(2),
              values.get(3),
              values.get(4),
              values.get(5),
              values.get(6),
              values.get(7),
              values.get(8),
              values.get(9),
              values.get(10),
              values.get(11),
              values.get(12),
              values.get(13),
              values.get(14),
              values.get(15),
              values.get(16),
              values.get(17),
              values.get(18),
              values.get(19));
    } catch (RuntimeException e) {
      if (isTimeout(e)) {
        throw CalUnavailableException.timedOut(e);
      }
      LOG.log(Level.WARNING, "Cal.com bookings request failed without an answer: {0}", describe(e));
      throw new CalBookingsException(SERVICE_UNAVAILABLE, 0, null, e);
    }
  }

  private CalBookingsApi api() {
    CalBookingsApi current = api;
    if (current == null) {
      synchronized (this) {
        current = api;
        if (current == null) {
          current =
              RestClientBuilder.newBuilder()
                  .baseUri(URI.create(config.apiUrl() + "/bookings"))
                  .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                  .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                  .followRedirects(false)
                  .property("microprofile.rest.client.disable.default.mapper", true)
                  .build(CalBookingsApi.class);
          api = current;
        }
      }
    }
    return current;
  }

  /** Cal.com's error body as text, at most {@value #MAX_ERROR_BYTES} bytes. */
  private static String errorText(Response response) {
    if (!response.hasEntity()) {
      return null;
    }
    try (InputStream body = response.readEntity(InputStream.class)) {
      return new String(body.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedIOException
          || cause instanceof HttpTimeoutException
          || cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** Exception classes and messages of the chain: no headers, so no token. */
  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (text.length() > 0) {
        text.append(" <- ");
      }
      text.append(cause.getClass().getName());
      if (cause.getMessage() != null) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CalBookingsException(SERVICE_UNAVAILABLE, 0, null, e);
    }
  }
}
