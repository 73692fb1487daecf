package com.callytics.web.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Map;

/** Builds RFC 9457 problem details responses ({@code application/problem+json}). */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  static Response response(int status, String title, String detail) {
    return response(status, title, detail, Map.of());
  }

  static Response response(int status, String title, String detail, Map<String, ?> extensions) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", detail);
    extensions.forEach((name, value) -> body.add(name, toJson(value)));
    return Response.status(status)
        .type(MEDIA_TYPE)
        .header("Cache-Control", "no-store")
        .entity(body.build().toString())
        .build();
  }

  private static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return Json.createValue(n.doubleValue());
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
      return object.build();
    }
    if (value instanceof Collection<?> list) {
      var array = Json.createArrayBuilder();
      list.forEach(v -> array.add(toJson(v)));
      return array.build();
    }
    return Json.createValue(String.valueOf(value));
  }
}
