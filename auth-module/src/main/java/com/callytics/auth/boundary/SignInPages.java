package com.callytics.auth.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The small HTML pages of the sign-in flow: friendly, self-contained, nothing reflected. */
final class SignInPages {

  private SignInPages() {}

  static Response expired() {
    return page(
        400,
        "This sign-in link has expired",
        "This sign-in link has expired or was already used. Start again to sign in with Cal.com.",
        "/api/auth/login",
        "Start again");
  }

  static Response calUnavailable() {
    return page(
        502,
        "Cal.com could not complete the sign-in",
        "Cal.com did not complete the sign-in, so nothing was stored. Try again in a moment.",
        "/api/auth/login",
        "Try again");
  }

  static Response notConfigured() {
    return page(
        503,
        "Sign-in with Cal.com is not set up here",
        "This Callytics server has no Cal.com OAuth client configured, so sign-in is off. You can"
            + " still explore everything on demo data.",
        "/demo",
        "View the demo");
  }

  private static Response page(
      int status, String title, String message, String link, String label) {
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>"
            + title
            + " · Callytics</title><link rel=\"stylesheet\" href=\"/resources/css/callytics.css\">"
            + "</head><body><main class=\"page narrow\"><h1>"
            + title
            + "</h1><p>"
            + message
            + "</p><p><a class=\"button\" href=\""
            + link
            + "\">"
            + label
            + "</a> <a href=\"/\">Back to Callytics</a></p></main></body></html>";
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(html)
        .build();
  }
}
