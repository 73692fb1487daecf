package com.callytics.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The user's Cal.com connection and its tokens. Token columns hold ciphertexts only (see {@code
 * TokenCipher}); {@code tokenVersion} grows with every stored refresh so a stale copy can be told
 * from a newer one.
 */
@Entity
@Table(name = "cal_account")
public class CalAccount {

  public static final String PROVIDER = "calcom";

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private String id;

  @Column(name = "user_id", length = 36, nullable = false, unique = true)
  private String userId;

  @Column(name = "provider", length = 32, nullable = false)
  private String provider;

  @Column(name = "provider_account_id", length = 64, nullable = false)
  private String providerAccountId;

  @Column(name = "access_token", length = 8192)
  private String accessToken;

  @Column(name = "refresh_token", length = 8192)
  private String refreshToken;

  @Column(name = "access_expires_at")
  private Instant accessExpiresAt;

  @Column(name = "refresh_expires_at")
  private Instant refreshExpiresAt;

  @Column(name = "token_type", length = 32)
  private String tokenType;

  @Column(name = "scope", length = 512)
  private String scope;

  @Column(name = "needs_reauth", nullable = false)
  private boolean needsReauth;

  @Column(name = "token_version", nullable = false)
  private long tokenVersion;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected CalAccount() {}

  public CalAccount(String userId, long calUserId, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.userId = Objects.requireNonNull(userId);
    this.provider = PROVIDER;
    this.providerAccountId = Long.toString(calUserId);
    this.updatedAt = now;
  }

  /** Stores newly issued (already encrypted) tokens; clears any re-authentication mark. */
  public void storeTokens(
      String encryptedAccess,
      String encryptedRefresh,
      Instant accessExpiresAt,
      String tokenType,
      String scope,
      Instant now) {
    this.accessToken = Objects.requireNonNull(encryptedAccess);
    if (encryptedRefresh != null) {
      this.refreshToken = encryptedRefresh;
      this.refreshExpiresAt = null;
    }
    this.accessExpiresAt = accessExpiresAt;
    if (tokenType != null) {
      this.tokenType = tokenType;
    }
    if (scope != null) {
      this.scope = scope;
    }
    this.needsReauth = false;
    this.tokenVersion++;
    this.updatedAt = now;
  }

  public void markNeedsReauth(Instant now) {
    this.needsReauth = true;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getUserId() {
    return userId;
  }

  public String getAccessToken() {
    return accessToken;
  }

  public String getRefreshToken() {
    return refreshToken;
  }

  public Instant getAccessExpiresAt() {
    return accessExpiresAt;
  }

  public Instant getRefreshExpiresAt() {
    return refreshExpiresAt;
  }

  public void setRefreshExpiresAt(Instant refreshExpiresAt) {
    this.refreshExpiresAt = refreshExpiresAt;
  }

  public boolean isNeedsReauth() {
    return needsReauth;
  }

  public long getTokenVersion() {
    return tokenVersion;
  }
}
