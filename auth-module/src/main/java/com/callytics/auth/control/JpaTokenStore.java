package com.callytics.auth.control;

import com.callytics.auth.control.CalOAuthClient.TokenResponse;
import com.callytics.auth.control.TokenCipher.UndecryptableTokenException;
import com.callytics.auth.entity.CalAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The tokens in the {@code cal_account} table, encrypted by {@link TokenCipher}. */
@ApplicationScoped
public class JpaTokenStore implements TokenStore {

  /** Lock wait: longer than a refresh call can take (read timeout), so waiters see its result. */
  private static final int LOCK_TIMEOUT_MS = 30_000;

  @PersistenceContext(unitName = "callytics")
  EntityManager em;

  @Inject TokenCipher cipher;
  @Inject Clock clock;

  @Override
  public Optional<StoredTokens> find(String userId) {
    return em.createQuery("SELECT a FROM CalAccount a WHERE a.userId = :user", CalAccount.class)
        .setParameter("user", userId)
        .setHint("eclipselink.refresh", "true")
        .getResultStream()
        .findFirst()
        .map(this::decrypt);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T withLockedAccount(String userId, Function<LockedAccount, T> work) {
    Optional<CalAccount> account =
        em.createQuery("SELECT a FROM CalAccount a WHERE a.userId = :user", CalAccount.class)
            .setParameter("user", userId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", LOCK_TIMEOUT_MS)
            .setHint("eclipselink.refresh", "true")
            .getResultStream()
            .findFirst();
    return work.apply(new Locked(account));
  }

  private StoredTokens decrypt(CalAccount account) {
    try {
      return new StoredTokens(
          account.getUserId(),
          cipher.decrypt(account.getAccessToken()),
          cipher.decrypt(account.getRefreshToken()),
          account.getAccessExpiresAt(),
          account.getRefreshExpiresAt(),
          account.isNeedsReauth(),
          false,
          account.getTokenVersion());
    } catch (UndecryptableTokenException e) {
      return new StoredTokens(
          account.getUserId(), null, null, null, null, true, true, account.getTokenVersion());
    }
  }

  private final class Locked implements LockedAccount {
    private final Optional<CalAccount> account;

    Locked(Optional<CalAccount> account) {
      this.account = account;
    }

    @Override
    public Optional<StoredTokens> tokens() {
      return account.map(JpaTokenStore.this::decrypt);
    }

    @Override
    public Optional<StoredTokens> reread() {
      account.ifPresent(em::refresh);
      return tokens();
    }

    @Override
    public StoredTokens store(TokenResponse issued, Instant accessExpiresAt) {
      CalAccount row = account.orElseThrow();
      row.storeTokens(
          cipher.encrypt(issued.accessToken()),
          cipher.encrypt(issued.refreshToken()),
          accessExpiresAt,
          issued.tokenType(),
          issued.scope(),
          clock.instant());
      return decrypt(row);
    }

    @Override
    public void markNeedsReauth(Instant now) {
      account.ifPresent(row -> row.markNeedsReauth(now));
    }
  }
}
