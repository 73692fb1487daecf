package com.callytics.auth.control;

import java.time.Duration;
import java.time.Instant;

/**
 * A user's Cal.com tokens as stored, decrypted. {@code undecryptable} marks tokens sealed with a
 * key this server no longer has: the user must sign in again.
 */
public record StoredTokens(
    String userId,
    String accessToken,
    String refreshToken,
    Instant accessExpiresAt,
    Instant refreshExpiresAt,
    boolean needsReauth,
    boolean undecryptable,
    long version) {

  /** More than {@code buffer} left: usable without refreshing. No expiry means expired. */
  public boolean accessFreshBeyond(Instant now, Duration buffer) {
    return accessToken != null
        && accessExpiresAt != null
        && now.plus(buffer).isBefore(accessExpiresAt);
  }

  /** Not expired yet (possibly inside the refresh buffer). */
  public boolean accessStillValid(Instant now) {
    return accessToken != null && accessExpiresAt != null && now.isBefore(accessExpiresAt);
  }

  @Override
  public String toString() {
    return "StoredTokens[user="
        + userId
        + ", expiresAt="
        + accessExpiresAt
        + ", version="
        + version
        + "]";
  }
}
