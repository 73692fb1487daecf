package com.callytics.bookings.control.cal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Lenient reads of Cal.com JSON members: a value of the wrong type counts as missing. */
final class CalJsonFields {

  private CalJsonFields() {}

  static Integer intValue(JsonObject json, String name) {
    if (json.get(name) instanceof JsonNumber number && number.isIntegral()) {
      try {
        return number.intValueExact();
      } catch (ArithmeticException tooLarge) {
        return null;
      }
    }
    return null;
  }

  static Boolean bool(JsonObject json, String name) {
    JsonValue value = json.get(name);
    if (value == JsonValue.TRUE) {
      return Boolean.TRUE;
    }
    return value == JsonValue.FALSE ? Boolean.FALSE : null;
  }

  static JsonObject object(JsonObject json, String name) {
    return json.get(name) instanceof JsonObject object ? object : null;
  }
}
