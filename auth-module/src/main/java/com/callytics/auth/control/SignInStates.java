package com.callytics.auth.control;

import com.callytics.auth.entity.SignInState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-ins in progress: the OAuth {@code state} (128+ random bits), the PKCE verifier and the
 * return path, bound to the browser by a cookie, valid for 10 minutes, usable once. In the
 * database, so the callback may reach another instance than the login.
 */
@ApplicationScoped
public class SignInStates {

  static final Duration VALIDITY = Duration.ofMinutes(10);

  @PersistenceContext(unitName = "callytics")
  EntityManager em;

  @Inject Clock clock;

  /** Starts a sign-in for a browser; returns the state, browser binding and PKCE verifier. */
  @Transactional
  public PendingSignIn begin(String returnTo) {
    Instant now = clock.instant();
    em.createQuery("DELETE FROM SignInState s WHERE s.expiresAt < :now")
        .setParameter("now", now)
        .executeUpdate();
    String state = Secrets.randomToken(32);
    String browser = Secrets.randomToken(32);
    String verifier = Secrets.randomToken(48);
    em.persist(
        new SignInState(
            Secrets.sha256Hex(state),
            Secrets.sha256Hex(browser),
            verifier,
            returnTo,
            now,
            now.plus(VALIDITY)));
    return new PendingSignIn(state, browser, verifier);
  }

  /**
   * Consumes a state: present, unexpired, bound to this browser, and never used before. The row is
   * deleted whatever the outcome, so a state can never be tried twice.
   */
  @Transactional
  public Optional<CompletedState> consume(String state, String browser) {
    if (state == null || state.isBlank() || state.length() > 128) {
      return Optional.empty();
    }
    SignInState row = em.find(SignInState.class, Secrets.sha256Hex(state));
    if (row == null) {
      return Optional.empty();
    }
    int deleted =
        em.createQuery("DELETE FROM SignInState s WHERE s.stateHash = :hash")
            .setParameter("hash", Secrets.sha256Hex(state))
            .executeUpdate();
    if (deleted != 1
        || browser == null
        || !row.isUsableBy(Secrets.sha256Hex(browser), clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(new CompletedState(row.getCodeVerifier(), row.getReturnTo()));
  }

  /** What the login step hands to the browser (state in the URL, binding in a cookie). */
  public record PendingSignIn(String state, String browserBinding, String codeVerifier) {
    @Override
    public String toString() {
      return "PendingSignIn[...]";
    }
  }

  /** What the callback needs from a valid state. */
  public record CompletedState(String codeVerifier, String returnTo) {
    @Override
    public String toString() {
      return "CompletedState[returnTo=" + returnTo + "]";
    }
  }
}
