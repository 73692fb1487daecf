package com.callytics.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A sign-in in progress: OAuth state (hashed), PKCE verifier and where to go afterwards. */
@Entity
@Table(name = "signin_state")
public class SignInState {

  @Id
  @Column(name = "state_hash", length = 64, nullable = false)
  private String stateHash;

  @Column(name = "browser_hash", length = 64, nullable = false)
  private String browserHash;

  @Column(name = "code_verifier", length = 256, nullable = false)
  private String codeVerifier;

  @Column(name = "return_to", length = 2048, nullable = false)
  private String returnTo;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected SignInState() {}

  public SignInState(
      String stateHash,
      String browserHash,
      String codeVerifier,
      String returnTo,
      Instant now,
      Instant expiresAt) {
    this.stateHash = Objects.requireNonNull(stateHash);
    this.browserHash = Objects.requireNonNull(browserHash);
    this.codeVerifier = Objects.requireNonNull(codeVerifier);
    this.returnTo = Objects.requireNonNull(returnTo);
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public boolean isUsableBy(String browserHash, Instant now) {
    return this.browserHash.equals(browserHash) && now.isBefore(expiresAt);
  }

  public String getCodeVerifier() {
    return codeVerifier;
  }

  public String getReturnTo() {
    return returnTo;
  }
}
