package com.callytics.waitlist.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitlistRequestTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void startValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  private static Map<String, String> violations(WaitlistRequest request) {
    Set<ConstraintViolation<WaitlistRequest>> found = validator.validate(request);
    return found.stream()
        .collect(
            Collectors.toMap(
                v -> v.getPropertyPath().toString(),
                ConstraintViolation::getMessage,
                (a, b) -> a + "; " + b));
  }

  @Test
  void emailIsTrimmedAndLowerCased() {
    var request = new WaitlistRequest("  Ada.Lovelace@Example.COM \t", null, null, null);

    assertThat(request.email()).isEqualTo("ada.lovelace@example.com");
    assertThat(violations(request)).isEmpty();
  }

  @Test
  void lowerCasingDoesNotDependOnTheDefaultLocale() {
    var request = new WaitlistRequest("INFO@EXAMPLE.COM", null, null, null);

    assertThat(request.email()).isEqualTo("info@example.com");
  }

  @Test
  void blankOptionalValuesBecomeAbsentAndOthersAreTrimmed() {
    var request = new WaitlistRequest("a@example.com", "   ", "", " Acme Ltd ");

    assertThat(request.fullName()).isNull();
    assertThat(request.company()).isNull();
    assertThat(request.note()).isEqualTo("Acme Ltd");
    assertThat(violations(request)).isEmpty();
  }

  @Test
  void aCompleteRequestIsValid() {
    var request =
        new WaitlistRequest(
            "grace@example.org", "Grace Hopper", "US Navy", "We book 300 meetings a week.");

    assertThat(violations(request)).isEmpty();
  }

  @Test
  void missingEmailIsRequired() {
    assertThat(violations(new WaitlistRequest(null, "Ada", null, null)))
        .containsOnly(Map.entry("email", "is required"));
    assertThat(violations(new WaitlistRequest("   ", null, null, null)))
        .containsOnly(Map.entry("email", "is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-email", "ada@", "@example.com", "ada@@example.com", "a b@c.com"})
  void malformedEmailIsRejected(String email) {
    assertThat(violations(new WaitlistRequest(email, null, null, null)))
        .containsOnly(Map.entry("email", "must be a valid email address"));
  }

  @Test
  void emailLongerThan320CharactersIsRejected() {
    String email = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(5) + "com";
    assertThat(email).hasSizeGreaterThan(320);

    assertThat(violations(new WaitlistRequest(email, null, null, null)))
        .containsKey("email")
        .hasSize(1);
    assertThat(violations(new WaitlistRequest(email, null, null, null)).get("email"))
        .contains("must be at most 320 characters");
  }

  @Test
  void namesAndCompaniesUpTo200CharactersAreAccepted() {
    var request = new WaitlistRequest("a@example.com", "n".repeat(200), "c".repeat(200), null);

    assertThat(violations(request)).isEmpty();
  }

  @Test
  void fullNameOf201CharactersIsRejected() {
    assertThat(violations(new WaitlistRequest("a@example.com", "n".repeat(201), null, null)))
        .containsOnly(Map.entry("fullName", "must be at most 200 characters"));
  }

  @Test
  void companyOf201CharactersIsRejected() {
    assertThat(violations(new WaitlistRequest("a@example.com", null, "c".repeat(201), null)))
        .containsOnly(Map.entry("company", "must be at most 200 characters"));
  }

  @Test
  void noteUpTo2000CharactersIsAcceptedAndLongerIsRejected() {
    assertThat(violations(new WaitlistRequest("a@example.com", null, null, "x".repeat(2000))))
        .isEmpty();
    assertThat(violations(new WaitlistRequest("a@example.com", null, null, "x".repeat(2001))))
        .containsOnly(Map.entry("note", "must be at most 2000 characters"));
  }

  @Test
  void surroundingSpacesDoNotCountTowardsTheLimit() {
    var request = new WaitlistRequest("a@example.com", "  " + "n".repeat(200) + "  ", null, null);

    assertThat(violations(request)).isEmpty();
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    var request = new WaitlistRequest("nope", "n".repeat(201), "c".repeat(201), "x".repeat(2001));

    assertThat(violations(request)).containsOnlyKeys("email", "fullName", "company", "note");
  }

  @Test
  void becomesAnEntryFromTheGivenSourceAtTheGivenTime() {
    var now = java.time.Instant.parse("2025-01-02T03:04:05Z");

    WaitlistEntry entry =
        new WaitlistRequest(" Ada@Example.com ", "Ada", null, "hi").toEntry("web", now);

    assertThat(entry.getEmail()).isEqualTo("ada@example.com");
    assertThat(entry.getFullName()).isEqualTo("Ada");
    assertThat(entry.getCompany()).isNull();
    assertThat(entry.getNote()).isEqualTo("hi");
    assertThat(entry.getSource()).isEqualTo("web");
    assertThat(entry.getCreatedAt()).isEqualTo(now);
    assertThat(entry.getUpdatedAt()).isEqualTo(now);
  }

  @Test
  void toStringDoesNotRevealTheEmail() {
    assertThat(new WaitlistRequest("ada@example.com", "Ada", null, null).toString())
        .doesNotContain("ada@example.com")
        .doesNotContain("Ada");
  }
}
