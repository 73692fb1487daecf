package com.callytics.waitlist.boundary;

import com.callytics.platform.boundary.ProblemException;
import com.callytics.waitlist.control.Waitlist;
import com.callytics.waitlist.control.Waitlist.JoinResult;
import com.callytics.waitlist.entity.WaitlistRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Joining the waitlist: {@code POST /api/waitlist} with {@code {email, fullName?, company?,
 * note?}}. The answer is the same whether or not the email was known (201 the first time, 200
 * after), so the endpoint cannot be used to find out who is listed.
 */
@Path("waitlist")
@RequestScoped
public class WaitlistResource {

  static final String INVALID_TITLE = "Invalid waitlist request";

  /** The request's fields in the order they are reported. */
  static final List<String> FIELDS = List.of("email", "fullName", "company", "note");

  /** The one answer to every accepted request, new or known. */
  static final String LISTED_BODY =
      Json.createObjectBuilder()
          .add("status", "listed")
          .add("message", "You're on the list. We'll be in touch.")
          .build()
          .toString();

  @Inject Waitlist waitlist;
  @Inject Validator validator;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response join(String body) {
    WaitlistRequest request = read(body);
    JoinResult result = waitlist.join(request);
    return Response.status(result == JoinResult.CREATED ? 201 : 200)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .entity(LISTED_BODY)
        .build();
  }

  /**
   * The valid, normalised request in a JSON body.
   *
   * @throws ProblemException 400 when the body is not a JSON object, or naming each field that is
   *     of the wrong type or breaks a rule (in {@code errors}: field name to message)
   */
  WaitlistRequest read(String body) {
    JsonObject json = parseObject(body);
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : FIELDS) {
      JsonValue value = json.get(field);
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        values.put(field, null);
      } else if (value instanceof JsonString text) {
        values.put(field, text.getString());
      } else {
        values.put(field, null);
        errors.put(field, "must be a string");
      }
    }
    WaitlistRequest request =
        new WaitlistRequest(
            values.get("email"), values.get("fullName"), values.get("company"), values.get("note"));
    violationsByField(request).forEach(errors::putIfAbsent);
    if (!errors.isEmpty()) {
      Map<String, String> ordered = new LinkedHashMap<>();
      FIELDS.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
      throw new ProblemException(
          400,
          INVALID_TITLE,
          "Check these fields and try again: " + String.join(", ", ordered.keySet()) + ".",
          Map.of("errors", ordered),
          null);
    }
    return request;
  }

  /** Each field that breaks a rule, with its messages (sorted, joined when there are several). */
  private Map<String, String> violationsByField(WaitlistRequest request) {
    Map<String, TreeSet<String>> messages = new LinkedHashMap<>();
    for (ConstraintViolation<WaitlistRequest> violation : validator.validate(request)) {
      messages
          .computeIfAbsent(violation.getPropertyPath().toString(), f -> new TreeSet<>())
          .add(violation.getMessage());
    }
    Map<String, String> joined = new LinkedHashMap<>();
    messages.forEach((field, texts) -> joined.put(field, String.join("; ", texts)));
    return joined;
  }

  private static JsonObject parseObject(String body) {
    if (body == null || body.isBlank()) {
      throw malformed("The request has no body.");
    }
    try (JsonParser parser = Json.createParser(new StringReader(body))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw malformed("The body must be a JSON object.");
      }
      JsonObject json = parser.getObject();
      if (parser.hasNext()) {
        throw malformed("The body must hold one JSON object and nothing else.");
      }
      return json;
    } catch (JsonException e) {
      throw malformed("The body is not valid JSON.");
    }
  }

  private static ProblemException malformed(String reason) {
    return new ProblemException(
        400,
        INVALID_TITLE,
        reason + " Send a JSON object such as {\"email\": \"you@example.com\"}.",
        Map.of(),
        null);
  }
}
