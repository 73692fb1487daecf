package com.callytics.waitlist.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.callytics.platform.boundary.ProblemException;
import com.callytics.waitlist.entity.WaitlistRequest;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitlistResourceTest {

  private static ValidatorFactory factory;
  private final WaitlistResource resource = new WaitlistResource();

  @BeforeAll
  static void startValidator() {
    factory = Validation.buildDefaultValidatorFactory();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  WaitlistResourceTest() {
    resource.validator = factory.getValidator();
  }

  private ProblemException rejected(String body) {
    ProblemException problem =
        catchThrowableOfType(ProblemException.class, () -> resource.read(body));
    assertThat(problem).as("rejected: %s", body).isNotNull();
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.title()).isEqualTo("Invalid waitlist request");
    return problem;
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> errors(String body) {
    return (Map<String, String>) rejected(body).extensions().get("errors");
  }

  @Test
  void readsANormalisedRequest() {
    WaitlistRequest request =
        resource.read(
            "{\"email\":\" Ada@Example.com \",\"fullName\":\"Ada Lovelace\",\"company\":\"  \","
                + "\"note\":null,\"unknown\":42}");

    assertThat(request)
        .isEqualTo(new WaitlistRequest("ada@example.com", "Ada Lovelace", null, null));
  }

  @Test
  void onlyTheEmailIsNeeded() {
    assertThat(resource.read("{\"email\":\"a@example.com\"}").email()).isEqualTo("a@example.com");
  }

  @Test
  void missingEmailIsNamed() {
    assertThat(errors("{\"fullName\":\"Ada\"}")).containsOnly(Map.entry("email", "is required"));
  }

  @Test
  void invalidEmailIsNamed() {
    assertThat(errors("{\"email\":\"ada-at-example.com\"}"))
        .containsOnly(Map.entry("email", "must be a valid email address"));
  }

  @Test
  void tooLongFullNameIsNamedAndTheDetailSaysWhichFields() {
    ProblemException problem =
        rejected("{\"email\":\"a@example.com\",\"fullName\":\"" + "n".repeat(201) + "\"}");

    assertThat(problem.extensions().get("errors"))
        .isEqualTo(Map.of("fullName", "must be at most 200 characters"));
    assertThat(problem.detail()).contains("fullName");
  }

  @Test
  void everyBadFieldIsNamedInFormOrder() {
    Map<String, String> errors =
        errors(
            "{\"note\":\""
                + "x".repeat(2001)
                + "\",\"company\":\""
                + "c".repeat(201)
                + "\",\"fullName\":\""
                + "n".repeat(201)
                + "\",\"email\":\"nope\"}");

    assertThat(errors).containsOnlyKeys("email", "fullName", "company", "note");
    assertThat(errors.keySet()).containsExactly("email", "fullName", "company", "note");
  }

  @Test
  void aValueOfTheWrongTypeIsNamed() {
    assertThat(errors("{\"email\":42,\"company\":[\"Acme\"]}"))
        .containsOnly(
            Map.entry("email", "must be a string"), Map.entry("company", "must be a string"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "{\"email\":",
        "not json",
        "[]",
        "\"a@example.com\"",
        "null",
        "{\"email\":\"a@example.com\"} trailing"
      })
  void aBodyThatIsNotAJsonObjectIsAProblemWithoutFieldErrors(String body) {
    ProblemException problem = rejected(body);

    assertThat(problem.detail()).isNotBlank();
    assertThat(problem.extensions()).doesNotContainKey("errors");
  }
}
