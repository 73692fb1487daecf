package com.callytics.bookings.control.cal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callytics.auth.boundary.AccessTokenRejectedException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalResponsesTest {

  private static final String CAL_ERROR =
      "{\"status\":\"error\",\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"take too large\"}}";
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Duration MAX = Duration.ofSeconds(10);

  @Test
  void a401RejectsTheTokenSoThatItIsRefreshedOnce() {
    RuntimeException failure = CalResponses.failure(401, "{\"message\":\"Unauthorized\"}");

    assertThat(failure).isInstanceOf(AccessTokenRejectedException.class);
    assertThat(((CalTokenRejectedException) failure).findCalBody())
        .hasValueSatisfying(
            body -> assertThat(((JsonObject) body).getString("message")).isEqualTo("Unauthorized"));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void a5xxIsWorthARetryAndKeepsCalComsStatus(int status) {
    RuntimeException failure = CalResponses.failure(status, CAL_ERROR);

    assertThat(failure).isInstanceOf(CalUnavailableException.class);
    CalBookingsException e = (CalBookingsException) failure;
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.calStatus()).isEqualTo(status);
    assertThat(e.detail()).isEqualTo("Cal.com bookings request failed.");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 422})
  void anyOther4xxIsCalComsRefusalWithItsStatusAndBody(int status) {
    RuntimeException failure = CalResponses.failure(status, CAL_ERROR);

    assertThat(failure).isExactlyInstanceOf(CalBookingsException.class);
    CalBookingsException e = (CalBookingsException) failure;
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.findCalBody())
        .contains(Json.createReader(new java.io.StringReader(CAL_ERROR)).readValue());
    assertThat(e.extensions()).containsKey("details").containsEntry("calStatus", status);
  }

  @Test
  void aRedirectIsNotFollowedButReportedAsBadGateway() {
    CalBookingsException e = (CalBookingsException) CalResponses.failure(302, null);

    assertThat(e).isNotInstanceOf(CalUnavailableException.class);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.calStatus()).isEqualTo(302);
    assertThat(e.findCalBody()).isEmpty();
  }

  @Test
  void aSuccessIsNoFailure() {
    assertThat(CalResponses.isSuccess(200)).isTrue();
    assertThatThrownBy(() -> CalResponses.failure(200, "[]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anErrorBodyThatIsNotJsonIsKeptAsCutText() {
    String html = "<html>" + "x".repeat(5_000) + "</html>";

    assertThat(CalResponses.errorBody(html))
        .isInstanceOfSatisfying(
            JsonString.class,
            text ->
                assertThat(text.getString())
                    .hasSize(CalResponses.MAX_ERROR_TEXT)
                    .startsWith("<html>"));
    assertThat(CalResponses.errorBody("  ")).isNull();
    assertThat(CalResponses.errorBody(null)).isNull();
  }

  @Test
  void retryAfterInSecondsIsHonouredUpToTheBound() {
    assertThat(CalResponses.retryAfter("3", NOW, MAX)).isEqualTo(Duration.ofSeconds(3));
    assertThat(CalResponses.retryAfter("0", NOW, MAX)).isEqualTo(Duration.ZERO);
    assertThat(CalResponses.retryAfter("3600", NOW, MAX)).isEqualTo(MAX);
    assertThat(CalResponses.retryAfter("99999999999999", NOW, MAX)).isEqualTo(MAX);
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
    assertThat(CalResponses.retryAfter("Sun, 01 Jun 2025 12:00:04 GMT", NOW, MAX))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(CalResponses.retryAfter("Sun, 01 Jun 2025 11:00:00 GMT", NOW, MAX))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void aMissingOrUnreadableRetryAfterWaitsOneSecond() {
    assertThat(CalResponses.retryAfter(null, NOW, MAX)).isEqualTo(Duration.ofSeconds(1));
    assertThat(CalResponses.retryAfter("soon", NOW, MAX)).isEqualTo(Duration.ofSeconds(1));
  }
}
