package com.callytics.auth.control;

import com.callytics.auth.control.CalOAuthClient.TokenResponse;
import com.callytics.auth.entity.CalAccount;
import com.callytics.auth.entity.CalProfile;
import com.callytics.auth.entity.CalUser;
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

/** Users and their single Cal.com account row. */
@ApplicationScoped
public class Accounts {

  @PersistenceContext(unitName = "callytics")
  EntityManager em;

  @Inject Clock clock;
  @Inject TokenCipher cipher;

  @Inject
  @ConfigProperty(name = "callytics.token.default-lifetime", defaultValue = "PT30M")
  Duration defaultLifetime;

  /**
   * Creates or updates the user keyed by the Cal.com user id, and stores the newly issued tokens on
   * their Cal.com account. Returns our user id.
   */
  @Transactional
  public String signedIn(CalProfile profile, TokenResponse tokens) {
    Instant now = clock.instant();
    CalUser user =
        em.createQuery("SELECT u FROM CalUser u WHERE u.calUserId = :id", CalUser.class)
            .setParameter("id", profile.id())
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  CalUser created = new CalUser(profile.id(), now);
                  em.persist(created);
                  return created;
                });
    user.updateProfile(profile, now);
    CalAccount account =
        em.createQuery("SELECT a FROM CalAccount a WHERE a.userId = :user", CalAccount.class)
            .setParameter("user", user.getId())
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  CalAccount created = new CalAccount(user.getId(), profile.id(), now);
                  em.persist(created);
                  return created;
                });
    Duration lifetime =
        tokens.expiresIn() != null ? Duration.ofSeconds(tokens.expiresIn()) : defaultLifetime;
    account.storeTokens(
        cipher.encrypt(tokens.accessToken()),
        cipher.encrypt(tokens.refreshToken()),
        tokens.receivedAt().plus(lifetime),
        tokens.tokenType(),
        tokens.scope(),
        now);
    return user.getId();
  }

  public Optional<CalUser> findUser(String userId) {
    return Optional.ofNullable(em.find(CalUser.class, userId));
  }

  /**
   * Deletes the user and, through the schema's cascades, their Cal.com tokens, sessions and stored
   * bookings.
   */
  @Transactional
  public boolean delete(String userId) {
    return em.createQuery("DELETE FROM CalUser u WHERE u.id = :id")
            .setParameter("id", userId)
            .executeUpdate()
        > 0;
  }
}
