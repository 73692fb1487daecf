package com.callytics.auth.boundary;

import com.callytics.auth.control.CalConfig;
import com.callytics.platform.boundary.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Refuses cross-site requests to {@link SameOrigin} endpoints: a browser says where a request comes
 * from in {@code Sec-Fetch-Site} and {@code Origin}; either one naming another site is a 403.
 * Clients that send neither (scripts, curl) are not browsers and cannot be forged by a page.
 */
@Provider
@SameOrigin
public class SameOriginFilter implements ContainerRequestFilter {

  @Inject CalConfig config;

  @Override
  public void filter(ContainerRequestContext request) {
    String fetchSite = request.getHeaderString("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      throw refused();
    }
    String origin = request.getHeaderString("Origin");
    if (origin != null
        && !origin.equals(origin(config.publicUrl()))
        && !origin.equals(origin(request.getUriInfo().getBaseUri().toString()))) {
      throw refused();
    }
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static ProblemException refused() {
    return new ProblemException(
        403, "Forbidden", "Cross-site requests are not allowed for this action.");
  }
}
