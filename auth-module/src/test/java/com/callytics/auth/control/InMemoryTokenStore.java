package com.callytics.auth.control;

import com.callytics.auth.control.CalOAuthClient.TokenResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link TokenStore} in memory for unit tests: a lock per user stands in for the row lock, and it
 * counts reads, writes and how many locked sections ran at the same time.
 */
public class InMemoryTokenStore implements TokenStore {

  private final Map<String, StoredTokens> rows = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  public final AtomicInteger reads = new AtomicInteger();
  public final AtomicInteger writes = new AtomicInteger();
  private final AtomicInteger concurrentLocked = new AtomicInteger();
  public final AtomicInteger maxConcurrentLocked = new AtomicInteger();

  /** Runs inside the lock just before a refresh result is stored (to simulate another writer). */
  public volatile Consumer<String> beforeReread = user -> {};

  public void put(StoredTokens tokens) {
    rows.put(tokens.userId(), tokens);
  }

  public StoredTokens get(String userId) {
    return rows.get(userId);
  }

  @Override
  public Optional<StoredTokens> find(String userId) {
    reads.incrementAndGet();
    return Optional.ofNullable(rows.get(userId));
  }

  @Override
  public <T> T withLockedAccount(String userId, Function<LockedAccount, T> work) {
    ReentrantLock lock = locks.computeIfAbsent(userId, u -> new ReentrantLock());
    lock.lock();
    int now = concurrentLocked.incrementAndGet();
    maxConcurrentLocked.accumulateAndGet(now, Math::max);
    try {
      return work.apply(
          new LockedAccount() {
            @Override
            public Optional<StoredTokens> tokens() {
              return Optional.ofNullable(rows.get(userId));
            }

            @Override
            public Optional<StoredTokens> reread() {
              beforeReread.accept(userId);
              return tokens();
            }

            @Override
            public StoredTokens store(TokenResponse issued, Instant accessExpiresAt) {
              writes.incrementAndGet();
              StoredTokens old = rows.get(userId);
              StoredTokens updated =
                  new StoredTokens(
                      userId,
                      issued.accessToken(),
                      issued.refreshToken() != null ? issued.refreshToken() : old.refreshToken(),
                      accessExpiresAt,
                      issued.refreshToken() != null ? null : old.refreshExpiresAt(),
                      false,
                      false,
                      old.version() + 1);
              rows.put(userId, updated);
              return updated;
            }

            @Override
            public void markNeedsReauth(Instant at) {
              writes.incrementAndGet();
              StoredTokens old = rows.get(userId);
              rows.put(
                  userId,
                  new StoredTokens(
                      userId,
                      old.accessToken(),
                      old.refreshToken(),
                      old.accessExpiresAt(),
                      old.refreshExpiresAt(),
                      true,
                      false,
                      old.version()));
            }
          });
    } finally {
      concurrentLocked.decrementAndGet();
      lock.unlock();
    }
  }
}
