package com.callytics.web.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API under {@code /api}. Left empty on purpose: the server then finds every resource and
 * provider, including those in the EAR's lib jars.
 */
@ApplicationPath("/api")
public class CallyticsApplication extends Application {}
