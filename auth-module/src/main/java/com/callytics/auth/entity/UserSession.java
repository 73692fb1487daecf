package com.callytics.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser. Only the SHA-256 of the cookie value is stored. The session slides forward
 * on use by its lifetime, never beyond its absolute end.
 */
@Entity
@Table(name = "user_session")
public class UserSession {

  @Id
  @Column(name = "token_hash", length = 64, nullable = false)
  private String tokenHash;

  @Column(name = "user_id", length = 36, nullable = false)
  private String userId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "absolute_expires_at", nullable = false)
  private Instant absoluteExpiresAt;

  protected UserSession() {}

  public UserSession(
      String tokenHash, String userId, Instant now, Duration lifetime, Duration absoluteLifetime) {
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.userId = Objects.requireNonNull(userId);
    this.createdAt = now;
    this.lastSeenAt = now;
    this.absoluteExpiresAt = now.plus(absoluteLifetime);
    this.expiresAt = min(now.plus(lifetime), absoluteExpiresAt);
  }

  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  /**
   * Extends the session on use. Returns whether anything changed; to spare the database a write per
   * request, it only moves when at least {@code granularity} has passed since the last move.
   */
  public boolean touch(Instant now, Duration lifetime, Duration granularity) {
    if (Duration.between(lastSeenAt, now).compareTo(granularity) < 0) {
      return false;
    }
    lastSeenAt = now;
    expiresAt = min(now.plus(lifetime), absoluteExpiresAt);
    return true;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public String getUserId() {
    return userId;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
