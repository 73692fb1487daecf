package com.callytics.web.boundary;

import com.callytics.platform.boundary.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Business failures: their own status, title and detail. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Override
  public Response toResponse(ProblemException e) {
    return Problems.response(e.status(), e.title(), e.detail(), e.extensions());
  }
}
