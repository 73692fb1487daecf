package com.callytics.auth.boundary;

import com.callytics.platform.boundary.ProblemException;
import java.util.Map;

/**
 * The token service could not hand out a valid access token. {@link #reason()} tells a UI what to
 * do: sign in again, or try again later. Never carries a token.
 */
public class TokenRefreshException extends ProblemException {

  /** What went wrong, as a UI can act on it. */
  public enum Reason {
    /** The user must sign in with Cal.com again (401, or 400 when no refresh token is stored). */
    REAUTHENTICATE,
    /** The user has no Cal.com account (404). */
    NO_ACCOUNT,
    /** Cal.com is unavailable right now; try again later (503). */
    UNAVAILABLE,
    /** Cal.com answered something unusable (502). */
    BAD_RESPONSE
  }

  private final Reason reason;

  public TokenRefreshException(int status, Reason reason, String detail) {
    super(
        status,
        titleOf(reason),
        detail,
        reason == Reason.REAUTHENTICATE ? Map.of("reauth", true) : Map.of("reauth", false),
        null);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public boolean needsReauthentication() {
    return reason == Reason.REAUTHENTICATE;
  }

  private static String titleOf(Reason reason) {
    return switch (reason) {
      case REAUTHENTICATE -> "Sign in with Cal.com again";
      case NO_ACCOUNT -> "No Cal.com account";
      case UNAVAILABLE -> "Cal.com is unavailable";
      case BAD_RESPONSE -> "Unexpected answer from Cal.com";
    };
  }

  static TokenRefreshException reauth(int status, String detail) {
    return new TokenRefreshException(status, Reason.REAUTHENTICATE, detail);
  }
}
