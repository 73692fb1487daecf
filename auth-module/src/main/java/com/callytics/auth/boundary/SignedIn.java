package com.callytics.auth.boundary;

/** CDI event fired after a user signed in with Cal.com (for example to start a booking sync). */
public record SignedIn(String userId) {}
