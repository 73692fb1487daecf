package com.callytics.web.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The HTTP-level errors JAX-RS raises itself (404 unknown path, 405, 406, 415, bad parameters):
 * problem details with the standard reason phrase, never the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title =
        type != null ? type.getReasonPhrase() : original.getStatusInfo().getReasonPhrase();
    Response problem = Problems.response(status, title, detailFor(status));
    if (status == 405 && original.getHeaderString("Allow") != null) {
      return Response.fromResponse(problem)
          .header("Allow", original.getHeaderString("Allow"))
          .build();
    }
    return problem;
  }

  static String detailFor(int status) {
    return switch (status) {
      case 400 -> "The request is malformed.";
      case 401 -> "Sign in to use this resource.";
      case 403 -> "You are not allowed to use this resource.";
      case 404 -> "There is no resource at this path.";
      case 405 -> "This resource does not support that HTTP method.";
      case 406 -> "This resource cannot answer in the requested media type.";
      case 415 -> "This resource does not accept that content type.";
      default ->
          status >= 500 ? "The server could not complete the request." : "The request failed.";
    };
  }
}
