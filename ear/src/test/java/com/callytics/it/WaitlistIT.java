package com.callytics.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WaitlistIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.callyticsEar();
  }

  /** An address no earlier run has listed. */
  private static String uniqueEmail() {
    return "waitlist-it-" + UUID.randomUUID() + "@example.com";
  }

  private static HttpResponse<String> join(String contentType, String body) {
    return Http.send(
        Http.request("/api/waitlist")
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<String> join(JsonObject body) {
    return join("application/json", body.toString());
  }

  private static JsonObject problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonObject problem = Http.json(response);
    assertThat(problem.getString("type")).isNotBlank();
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).isNotBlank();
    return problem;
  }

  private static JsonObject invalidRequest(HttpResponse<String> response) {
    JsonObject problem = problem(response, 400);
    assertThat(problem.getString("title")).isEqualTo("Invalid waitlist request");
    return problem;
  }

  @Test
  void joiningTwiceAnswersTheSameWithoutRevealingThatTheEmailWasKnown() {
    String email = uniqueEmail();

    HttpResponse<String> first =
        join(
            Json.createObjectBuilder()
                .add("email", email)
                .add("fullName", "Ada Lovelace")
                .add("company", "Analytical Engines")
                .add("note", "We book a lot of meetings.")
                .build());
    HttpResponse<String> again = join(Json.createObjectBuilder().add("email", email).build());
    HttpResponse<String> otherSpelling =
        join(Json.createObjectBuilder().add("email", "  " + email.toUpperCase() + " ").build());

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonObject body = Http.json(first);
    assertThat(body.getString("status")).isEqualTo("listed");
    assertThat(body.getString("message")).isNotBlank();
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(otherSpelling.statusCode()).as(otherSpelling.body()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(otherSpelling.body()).isEqualTo(first.body());
    FoundationIT.assertSecurityHeaders(first);
  }

  @Test
  void blankOptionalFieldsAreAccepted() {
    HttpResponse<String> response =
        join(
            Json.createObjectBuilder()
                .add("email", uniqueEmail())
                .add("fullName", "  ")
                .add("company", "")
                .addNull("note")
                .build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void requestsRacingForTheSameEmailListItOnce() throws Exception {
    String email = uniqueEmail();
    int racers = 6;
    CyclicBarrier start = new CyclicBarrier(racers);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return join(Json.createObjectBuilder().add("email", email).build());
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      List<String> bodies = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(90, TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        bodies.add(response.body());
      }

      assertThat(statuses).as("%s", bodies).containsOnly(201, 200).containsOnlyOnce(201);
      assertThat(bodies).containsOnly(bodies.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void missingEmailIsNamed() {
    JsonObject problem =
        invalidRequest(join(Json.createObjectBuilder().add("fullName", "Ada").build()));

    assertThat(problem.getJsonObject("errors").keySet()).containsExactly("email");
    assertThat(problem.getJsonObject("errors").getString("email")).isNotBlank();
  }

  @Test
  void invalidEmailIsNamed() {
    JsonObject problem =
        invalidRequest(join(Json.createObjectBuilder().add("email", "not-an-email").build()));

    assertThat(problem.getJsonObject("errors").keySet()).containsExactly("email");
  }

  @Test
  void aFullNameOf201CharactersIsNamed() {
    JsonObject problem =
        invalidRequest(
            join(
                Json.createObjectBuilder()
                    .add("email", uniqueEmail())
                    .add("fullName", "n".repeat(201))
                    .build()));

    assertThat(problem.getJsonObject("errors").keySet()).containsExactly("fullName");
  }

  @Test
  void aRejectedRequestListsNobody() {
    String email = uniqueEmail();
    invalidRequest(
        join(Json.createObjectBuilder().add("email", email).add("note", "x".repeat(2001)).build()));

    HttpResponse<String> valid = join(Json.createObjectBuilder().add("email", email).build());

    assertThat(valid.statusCode()).as("first valid request creates the entry").isEqualTo(201);
  }

  @Test
  void malformedJsonIsAProblem() {
    invalidRequest(join("application/json", "{\"email\": \"a@example.com\""));
    invalidRequest(join("application/json", ""));
  }

  @Test
  void plainTextIsAnUnsupportedMediaTypeProblem() {
    problem(join("text/plain", "a@example.com"), 415);
  }
}
