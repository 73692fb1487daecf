package com.callytics.emulator;

import static com.callytics.emulator.TestSupport.CLIENT_ID;
import static com.callytics.emulator.TestSupport.CLIENT_SECRET;
import static com.callytics.emulator.TestSupport.REDIRECT_URI;
import static com.callytics.emulator.TestSupport.authorizeCode;
import static com.callytics.emulator.TestSupport.authorizeUrl;
import static com.callytics.emulator.TestSupport.challengeOf;
import static com.callytics.emulator.TestSupport.get;
import static com.callytics.emulator.TestSupport.getWithToken;
import static com.callytics.emulator.TestSupport.json;
import static com.callytics.emulator.TestSupport.newVerifier;
import static com.callytics.emulator.TestSupport.postForm;
import static com.callytics.emulator.TestSupport.queryOf;
import static com.callytics.emulator.TestSupport.tokenForm;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizeAndTokenTest {
  private CalEmulator emulator;
  private String tokenUrl;

  @BeforeEach
  void start() {
    emulator = CalEmulator.start(0).registerClient(CLIENT_ID, CLIENT_SECRET);
    tokenUrl = emulator.baseUrl() + "/api/auth/oauth/token";
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void listensOnLoopbackWithTheChosenPort() {
    assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
    assertThat(emulator.port()).isPositive();
  }

  @Test
  void autoApproveRedirectsWithAFreshCodeAndTheState() {
    emulator.autoApprove(true);
    String verifier = newVerifier();

    HttpResponse<String> first = get(authorizeUrl(emulator, CLIENT_ID, verifier, "state-1"));
    HttpResponse<String> second = get(authorizeUrl(emulator, CLIENT_ID, verifier, "state-2"));

    assertThat(first.statusCode()).isEqualTo(302);
    URI location = URI.create(first.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(REDIRECT_URI + "?");
    Map<String, String> query = queryOf(location);
    assertThat(query.get("state")).isEqualTo("state-1");
    assertThat(query.get("code")).hasSizeGreaterThanOrEqualTo(32);
    String secondCode =
        queryOf(URI.create(second.headers().firstValue("Location").orElseThrow())).get("code");
    assertThat(secondCode).isNotEqualTo(query.get("code"));
    assertThat(emulator.issuedSecrets()).contains(query.get("code"), secondCode);
  }

  @Test
  void consentPageIsAPlainFormWithAllowAndDeny() {
    String verifier = newVerifier();
    HttpResponse<String> page = get(authorizeUrl(emulator, CLIENT_ID, verifier, "s<\"&'>"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("Callytics wants to read your bookings and profile")
        .contains("<form id=\"consent\" method=\"post\" action=\"/auth/oauth2/authorize\">")
        .contains("name=\"decision\" value=\"allow\"")
        .contains("name=\"decision\" value=\"deny\"")
        .contains("name=\"client_id\" value=\"" + CLIENT_ID + "\"")
        .contains("name=\"code_challenge\" value=\"" + challengeOf(verifier) + "\"")
        .contains("name=\"state\" value=\"s&lt;&quot;&amp;&#39;&gt;\"")
        .contains("Alice Example")
        .doesNotContainIgnoringCase("<script");
    assertThat(emulator.issuedSecrets()).isEmpty();
  }

  @Test
  void consentAllowIssuesACodeThatExchangesForTokens() {
    String verifier = newVerifier();
    Map<String, String> form = hiddenFields(verifier, "my-state");
    form.put("decision", "allow");

    HttpResponse<String> allowed = postForm(emulator.baseUrl() + "/auth/oauth2/authorize", form);

    assertThat(allowed.statusCode()).isEqualTo(302);
    Map<String, String> query =
        queryOf(URI.create(allowed.headers().firstValue("Location").orElseThrow()));
    assertThat(query).containsEntry("state", "my-state").containsKey("code");
    HttpResponse<String> tokens = postForm(tokenUrl, tokenForm(query.get("code"), verifier));
    assertThat(tokens.statusCode()).isEqualTo(200);
  }

  @Test
  void consentDenyRedirectsWithAccessDenied() {
    Map<String, String> form = hiddenFields(newVerifier(), "deny-state");
    form.put("decision", "deny");

    HttpResponse<String> denied = postForm(emulator.baseUrl() + "/auth/oauth2/authorize", form);

    assertThat(denied.statusCode()).isEqualTo(302);
    assertThat(denied.headers().firstValue("Location").orElseThrow())
        .isEqualTo(REDIRECT_URI + "?error=access_denied&state=deny-state");
    assertThat(emulator.issuedSecrets()).isEmpty();
  }

  @Test
  void unknownClientGetsA400Page() {
    emulator.autoApprove(true);
    HttpResponse<String> response = get(authorizeUrl(emulator, "nobody", newVerifier(), "s"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.body()).contains("Unknown client_id");
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "state, state is missing",
    "code_challenge, code_challenge is missing",
    "redirect_uri, redirect_uri is missing",
    "response_type, response_type must be code",
    "code_challenge_method, code_challenge_method must be S256"
  })
  void missingParametersGetA400Page(String dropped, String message) {
    emulator.autoApprove(true);
    String url =
        authorizeUrl(emulator, CLIENT_ID, newVerifier(), "s")
            .replaceAll("([?&])" + dropped + "=[^&]*", "$1");

    HttpResponse<String> response = get(url);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains(message);
  }

  @Test
  void plainPkceIsRefused() {
    String url =
        authorizeUrl(emulator, CLIENT_ID, newVerifier(), "s")
            .replace("code_challenge_method=S256", "code_challenge_method=plain");
    assertThat(get(url).statusCode()).isEqualTo(400);
  }

  @Test
  void tokenExchangeWithTheRightVerifierReturnsBearerTokens() {
    String verifier = newVerifier();
    String code = authorizeCode(emulator, verifier);

    HttpResponse<String> response = postForm(tokenUrl, tokenForm(code, verifier));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    JsonObject body = json(response);
    assertThat(body.keySet())
        .containsExactly("access_token", "refresh_token", "expires_in", "token_type");
    assertThat(body.getString("token_type")).isEqualTo("bearer");
    assertThat(body.getInt("expires_in")).isEqualTo(1800);
    assertThat(body.getString("access_token")).isNotEqualTo(body.getString("refresh_token"));
    assertThat(emulator.issuedSecrets())
        .contains(code, body.getString("access_token"), body.getString("refresh_token"));
    assertThat(
            getWithToken(emulator.baseUrl() + "/v2/me", body.getString("access_token"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void wrongVerifierIsAnInvalidGrant() {
    String code = authorizeCode(emulator, newVerifier());

    HttpResponse<String> response = postForm(tokenUrl, tokenForm(code, newVerifier()));

    assertInvalidGrant(response, "code_verifier");
  }

  @Test
  void aCodeWorksOnlyOnce() {
    String verifier = newVerifier();
    String code = authorizeCode(emulator, verifier);

    HttpResponse<String> first = postForm(tokenUrl, tokenForm(code, verifier));
    HttpResponse<String> again = postForm(tokenUrl, tokenForm(code, verifier));

    assertThat(first.statusCode()).isEqualTo(200);
    assertInvalidGrant(again, "already used");
  }

  @Test
  void unknownCodeIsAnInvalidGrant() {
    assertInvalidGrant(postForm(tokenUrl, tokenForm("made-up", newVerifier())), "unknown");
  }

  @Test
  void redirectUriMustMatchTheAuthorizeOne() {
    String verifier = newVerifier();
    Map<String, String> form = tokenForm(authorizeCode(emulator, verifier), verifier);
    form.put("redirect_uri", REDIRECT_URI + "/other");

    assertInvalidGrant(postForm(tokenUrl, form), "redirect_uri");
  }

  @Test
  void wrongClientSecretIsAnInvalidClient() {
    String verifier = newVerifier();
    Map<String, String> form = tokenForm(authorizeCode(emulator, verifier), verifier);
    form.put("client_secret", "wrong");

    HttpResponse<String> response = postForm(tokenUrl, form);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).getString("error")).isEqualTo("invalid_client");
  }

  @Test
  void clientCredentialsMayComeAsBasicAuth() {
    String verifier = newVerifier();
    Map<String, String> form = tokenForm(authorizeCode(emulator, verifier), verifier);
    form.remove("client_id");
    form.remove("client_secret");
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response = postForm(tokenUrl, form, "Authorization", "Basic " + basic);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aCodeIssuedToOneClientCannotBeRedeemedByAnother() {
    emulator.registerClient("other-client", "other-secret");
    String verifier = newVerifier();
    Map<String, String> form = tokenForm(authorizeCode(emulator, verifier), verifier);
    form.put("client_id", "other-client");
    form.put("client_secret", "other-secret");

    assertInvalidGrant(postForm(tokenUrl, form), "another client");
  }

  @Test
  void codesExpireAfterTenMinutes() {
    TestSupport.MutableClock clock = new TestSupport.MutableClock(Instant.now());
    emulator.clock(clock);
    String verifier = newVerifier();
    String code = authorizeCode(emulator, verifier);
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertInvalidGrant(postForm(tokenUrl, tokenForm(code, verifier)), "expired");
  }

  @Test
  void theCodeActsForTheSignedInUser() {
    emulator.addUser(2002, "bob", "bob@example.com", "Bob Builder");
    emulator.signInAs(2002);

    JsonObject tokens = TestSupport.signIn(emulator);

    JsonObject me =
        json(getWithToken(emulator.baseUrl() + "/v2/me", tokens.getString("access_token")));
    assertThat(me.getJsonObject("data").getInt("id")).isEqualTo(2002);
    assertThat(me.getJsonObject("data").getString("username")).isEqualTo("bob");
  }

  @Test
  void theRedirectKeepsAnExistingQuery() {
    emulator.autoApprove(true);
    String url =
        authorizeUrl(emulator, CLIENT_ID, newVerifier(), "s")
            .replace(TestSupport.enc(REDIRECT_URI), TestSupport.enc(REDIRECT_URI + "?tenant=7"));

    String location = get(url).headers().firstValue("Location").orElseThrow();

    Matcher m = Pattern.compile("\\?tenant=7&code=[A-Za-z0-9_-]+&state=s$").matcher(location);
    assertThat(m.find()).as(location).isTrue();
  }

  @Test
  void tokenEndpointAcceptsOnlyPost() {
    assertThat(get(tokenUrl).statusCode()).isEqualTo(405);
  }

  private Map<String, String> hiddenFields(String verifier, String state) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", CLIENT_ID);
    form.put("redirect_uri", REDIRECT_URI);
    form.put("response_type", "code");
    form.put("scope", "READ_BOOKING");
    form.put("state", state);
    form.put("code_challenge", challengeOf(verifier));
    form.put("code_challenge_method", "S256");
    return form;
  }

  private static void assertInvalidGrant(HttpResponse<String> response, String description) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonObject body = json(response);
    assertThat(body.getString("error")).isEqualTo("invalid_grant");
    assertThat(body.getString("error_description")).contains(description);
  }
}
