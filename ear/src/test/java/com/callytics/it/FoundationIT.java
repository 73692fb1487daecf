package com.callytics.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.callyticsEar();
  }

  @Test
  void readinessIsUpWithTheDatabaseMigrated() {
    HttpResponse<String> response = Http.get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject health = Http.json(response);
    assertThat(health.getString("status")).isEqualTo("UP");
    JsonObject database =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> check.getString("name").equals("database"))
            .findFirst()
            .orElseThrow();
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getString("migrations")).isEqualTo("applied");
  }

  @Test
  void livenessAnswers() {
    HttpResponse<String> response = Http.get("/health/live");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).getString("status")).isEqualTo("UP");
  }

  @Test
  void flywayHistoryRecordsEveryMigrationInTheConfiguredDatabase() throws Exception {
    String url = System.getProperty("it.datasource.url");
    Properties credentials = new Properties();
    credentials.setProperty("user", System.getProperty("it.datasource.user"));
    if (url.startsWith("jdbc:h2:")) {
      // The server holds the H2 file open; its readiness data reports the applied history instead.
      JsonObject database =
          Http.json(Http.get("/health/ready")).getJsonArray("checks").getJsonObject(0);
      assertThat(database.getJsonObject("data").getString("schemaVersion")).isNotBlank();
      return;
    }
    try (var connection = DriverManager.getConnection(url, credentials);
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"
                        + " ORDER BY installed_rank")) {
      assertThat(rows.next()).as("at least one applied migration").isTrue();
      assertThat(rows.getString("version")).isEqualTo("1");
      assertThat(rows.getBoolean("success")).isTrue();
    }
  }

  @Test
  void pagesCarryTheSecurityHeaders() {
    HttpResponse<String> response = Http.get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertSecurityHeaders(response);
  }

  @Test
  void unknownApiPathIsProblemJsonWithSecurityHeaders() {
    HttpResponse<String> response = Http.get("/api/does-not-exist");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonObject problem = Http.json(response);
    assertThat(problem.getInt("status")).isEqualTo(404);
    assertThat(problem.getString("title")).isEqualTo("Not Found");
    assertThat(problem.getString("type")).isEqualTo("about:blank");
    assertThat(problem.getString("detail")).isNotBlank();
    assertSecurityHeaders(response);
  }

  @Test
  void unknownPageIsAFriendlyHtmlPage() {
    HttpResponse<String> response = Http.get("/no-such-page");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Page not found").doesNotContain("Exception");
    assertSecurityHeaders(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health/ready", "/metrics", "/openapi"})
  void theServersOwnEndpointsCarryTheSecurityHeadersToo(String path) {
    HttpResponse<String> response = Http.get(path);

    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertSecurityHeaders(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/api/demo/analytics?tz=UTC", "/health/ready", "/no-such-page"})
  void responsesNameNoServerProductOrVersion(String path) {
    // HTTP/1.1 as browsers speak it on plain http: the client's default h2c upgrade gets an
    // HTTP/2 response, which never carried these headers
    HttpResponse<String> response =
        Http.send(Http.request(path).version(HttpClient.Version.HTTP_1_1).GET().build());

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
    assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
  }

  static void assertSecurityHeaders(HttpResponse<String> response) {
    var headers = response.headers();
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("Referrer-Policy")).isPresent();
    assertThat(headers.firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'")
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("http"));
  }
}
