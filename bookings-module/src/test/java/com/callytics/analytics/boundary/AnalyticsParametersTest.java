package com.callytics.analytics.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.platform.boundary.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyticsParametersTest {

  static final Instant NOW = Instant.parse("2026-03-15T10:30:00Z");

  final AnalyticsParameters parameters = new AnalyticsParameters(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void noParametersMeanAllHistoryInUtcAtTheClocksNow() {
    AnalyticsRequest request = parameters.parse(null, null, null, null);

    assertThat(request).isEqualTo(AnalyticsRequest.allTime(ZoneOffset.UTC, NOW));
  }

  @Test
  void blankValuesCountAsAbsent() {
    AnalyticsRequest request = parameters.parse("", " ", "", "  ");

    assertThat(request).isEqualTo(AnalyticsRequest.allTime(ZoneOffset.UTC, NOW));
  }

  @Test
  void aDateIsTheStartOfThatDayInTheViewersZone() {
    AnalyticsRequest request = parameters.parse("2026-01-01", "2026-02-01", "Europe/Berlin", null);

    assertThat(request.from()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
    assertThat(request.to()).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
    assertThat(request.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(request.now()).isEqualTo(NOW);
  }

  @Test
  void aDateWithoutZoneIsTheStartOfThatDayInUtc() {
    AnalyticsRequest request = parameters.parse("2026-01-01", null, null, null);

    assertThat(request.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(request.to()).isNull();
    assertThat(request.hasRange()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-01T08:00:00Z, 2026-01-01T08:00:00Z",
    "2026-01-01T08:00:00.250Z, 2026-01-01T08:00:00.250Z",
    "2026-01-01T09:00:00+01:00, 2026-01-01T08:00:00Z",
    "2026-01-01T03:00-05:00, 2026-01-01T08:00:00Z",
    "2026-01-01t08:00:00z, 2026-01-01T08:00:00Z",
    "2026-01-01T17:00, 2026-01-01T08:00:00Z"
  })
  void instantsAndOffsetDateTimesAreTakenAsTheyAreAndLocalOnesInTheZone(
      String given, String expected) {
    AnalyticsRequest request = parameters.parse(given, null, "Asia/Tokyo", null);

    assertThat(request.from()).isEqualTo(Instant.parse(expected));
  }

  @Test
  void theEventTypeFilterIsAPositiveNumber() {
    assertThat(parameters.parse(null, null, null, "42").eventTypeId()).isEqualTo(42L);
    assertThat(parameters.parse(null, null, null, " 7 ").eventTypeId()).isEqualTo(7L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Olympus", "Europe/Berlin; DROP", "not a zone", "EST5EDT/x"})
  void anUnknownZoneIsABadRequestNamingTz(String tz) {
    ProblemException problem = problem("2026-01-01", "2026-02-01", tz, null);

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.title()).isEqualTo("Invalid analytics request");
    assertThat(problem.detail()).contains("tz");
    assertThat(errors(problem)).containsOnlyKeys("tz");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2026-13-01",
        "2026-02-30",
        "01/02/2026",
        "2026-01-01T25:00:00Z",
        "2026-01-01T08:00:00+0100x",
        "1969-12-31",
        "3000-01-01",
        "+999999999-12-31"
      })
  void anInvalidOrImplausibleDateIsABadRequestNamingTheField(String date) {
    ProblemException from = problem(date, null, null, null);
    ProblemException to = problem(null, date, null, null);

    assertThat(errors(from)).containsOnlyKeys("from");
    assertThat(from.detail()).startsWith("Check the analytics parameters: from ");
    assertThat(errors(to)).containsOnlyKeys("to");
    assertThat(to.detail()).startsWith("Check the analytics parameters: to ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "abc", "1.5", "12345678901234567890", "0x10"})
  void anEventTypeIdThatIsNotAPositiveNumberIsABadRequest(String id) {
    ProblemException problem = problem(null, null, null, id);

    assertThat(errors(problem)).containsEntry("eventTypeId", "must be a positive whole number");
    assertThat(problem.detail()).contains("eventTypeId");
  }

  @Test
  void fromMustBeBeforeTo() {
    assertThat(errors(problem("2026-02-01", "2026-01-01", null, null)))
        .containsEntry("to", "must be after from");
    assertThat(errors(problem("2026-02-01", "2026-02-01", null, null)))
        .containsEntry("to", "must be after from");
    assertThat(errors(problem("2026-02-01T00:00:00+01:00", "2026-01-31T23:00:00Z", "UTC", null)))
        .containsOnlyKeys("to");
  }

  @Test
  void aRangeOfCenturiesIsRefused() {
    assertThat(errors(problem("1980-01-01", "2900-01-01", null, null)))
        .containsEntry("to", "must be at most 25 years after from");
    assertThat(parameters.parse("2001-01-01", "2026-01-01", null, null).hasRange()).isTrue();
  }

  @Test
  void everyBadParameterIsReportedAtOnce() {
    ProblemException problem = problem("soon", "later", "UTC", "none");

    assertThat(errors(problem)).containsOnlyKeys("from", "to", "eventTypeId");
    assertThat(problem.detail()).contains("from").contains("to").contains("eventTypeId");
  }

  @Test
  void theGivenValueIsNeverRepeatedBack() {
    String script = "<script>alert(1)</script>";

    ProblemException problem = problem(script, null, script, script);

    assertThat(problem.detail()).doesNotContain("<script>");
    assertThat(errors(problem).values()).noneMatch(message -> message.contains("<script>"));
  }

  @Test
  void datesAreOnlyReadOnceTheZoneIsKnown() {
    ProblemException problem = problem("2026-01-01", "2026-02-01", "Nowhere/Town", null);

    assertThat(errors(problem)).containsOnlyKeys("tz");
  }

  private ProblemException problem(String from, String to, String tz, String eventTypeId) {
    ProblemException problem =
        catchThrowableOfType(
            ProblemException.class, () -> parameters.parse(from, to, tz, eventTypeId));
    assertThat(problem).as("a problem for from=%s to=%s tz=%s", from, to, tz).isNotNull();
    return problem;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> errors(ProblemException problem) {
    assertThat(problem.extensions()).containsKey("errors");
    return (Map<String, String>) problem.extensions().get("errors");
  }
}
