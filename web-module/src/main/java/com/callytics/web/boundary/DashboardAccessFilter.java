package com.callytics.web.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The dashboard is for signed-in users only: without a session (Jakarta Security sets the user
 * principal from the session cookie) the browser is sent to the landing page.
 */
@WebFilter(
    urlPatterns = {"/dashboard", "/dashboard.xhtml"},
    dispatcherTypes = DispatcherType.REQUEST)
public class DashboardAccessFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() == null) {
      SecurityHeadersFilter.apply(response);
      response.setHeader("Cache-Control", "no-store");
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader("Location", "/");
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }
}
