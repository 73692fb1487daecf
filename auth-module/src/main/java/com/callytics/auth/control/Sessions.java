package com.callytics.auth.control;

import com.callytics.auth.entity.UserSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server-side sessions in the database, so any instance can serve any request. The cookie carries
 * 256 random bits; only their SHA-256 is stored.
 */
@ApplicationScoped
public class Sessions {

  /** Sessions slide forward at most this often, to spare a write per request. */
  static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(5);

  static final Duration ABSOLUTE_LIFETIME = Duration.ofDays(30);

  @PersistenceContext(unitName = "callytics")
  EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "callytics.session.lifetime", defaultValue = "P7D")
  Duration lifetime;

  /** A fresh session; returns the cookie value (the only place it exists in clear). */
  @Transactional
  public NewSession create(String userId) {
    Instant now = clock.instant();
    em.createQuery("DELETE FROM UserSession s WHERE s.expiresAt < :now")
        .setParameter("now", now)
        .executeUpdate();
    String cookieValue = Secrets.randomToken(32);
    UserSession session =
        new UserSession(Secrets.sha256Hex(cookieValue), userId, now, lifetime, ABSOLUTE_LIFETIME);
    em.persist(session);
    return new NewSession(cookieValue, userId, session.getExpiresAt());
  }

  /** The live session behind a cookie value, extended on use; empty when unknown or expired. */
  @Transactional
  public Optional<ActiveSession> findActive(String cookieValue) {
    if (cookieValue == null || cookieValue.length() < 40 || cookieValue.length() > 64) {
      return Optional.empty();
    }
    UserSession session = em.find(UserSession.class, Secrets.sha256Hex(cookieValue));
    Instant now = clock.instant();
    if (session == null || !session.isValidAt(now)) {
      return Optional.empty();
    }
    session.touch(now, lifetime, TOUCH_GRANULARITY);
    return Optional.of(
        new ActiveSession(session.getTokenHash(), session.getUserId(), session.getExpiresAt()));
  }

  /** The session a request was authenticated with (no extension). */
  public Optional<ActiveSession> findActiveByHash(String sessionHash) {
    UserSession session = em.find(UserSession.class, sessionHash);
    if (session == null || !session.isValidAt(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(
        new ActiveSession(session.getTokenHash(), session.getUserId(), session.getExpiresAt()));
  }

  @Transactional
  public void delete(String sessionHash) {
    em.createQuery("DELETE FROM UserSession s WHERE s.tokenHash = :hash")
        .setParameter("hash", sessionHash)
        .executeUpdate();
  }

  /** A session just created: the cookie value to hand to the browser. */
  public record NewSession(String cookieValue, String userId, Instant expiresAt) {
    @Override
    public String toString() {
      return "NewSession[user=" + userId + ", expiresAt=" + expiresAt + "]";
    }
  }

  /** A valid session: who it is and until when. */
  public record ActiveSession(String sessionHash, String userId, Instant expiresAt) {}
}
