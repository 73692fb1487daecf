package com.callytics.auth.boundary;

import jakarta.security.enterprise.CallerPrincipal;

/** The signed-in caller: our user id (the principal name) and the session it came with. */
public class CallyticsPrincipal extends CallerPrincipal {

  private final String sessionHash;

  public CallyticsPrincipal(String userId, String sessionHash) {
    super(userId);
    this.sessionHash = sessionHash;
  }

  public String userId() {
    return getName();
  }

  String sessionHash() {
    return sessionHash;
  }
}
