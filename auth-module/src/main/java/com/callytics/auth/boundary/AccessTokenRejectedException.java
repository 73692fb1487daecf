package com.callytics.auth.boundary;

/**
 * Thrown by a Cal.com API call made through {@link TokenService#callWithToken} when Cal.com answers
 * 401 to the access token it was given.
 */
public class AccessTokenRejectedException extends RuntimeException {
  public AccessTokenRejectedException() {
    super("Cal.com rejected the access token");
  }
}
