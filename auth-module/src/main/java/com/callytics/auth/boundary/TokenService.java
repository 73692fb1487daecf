package com.callytics.auth.boundary;

import com.callytics.auth.boundary.TokenRefreshException.Reason;
import com.callytics.auth.control.CalOAuthClient;
import com.callytics.auth.control.CalOAuthClient.CalOAuthException;
import com.callytics.auth.control.CalOAuthClient.TokenResponse;
import com.callytics.auth.control.StoredTokens;
import com.callytics.auth.control.TokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands out a valid Cal.com access token for a user, refreshing it first when it has expired or
 * expires within the buffer.
 *
 * <ul>
 *   <li>Hot path: a decrypted token cached in memory with more than the buffer left is returned
 *       with no database access and no call to Cal.com.
 *   <li>Single flight: concurrent callers for one user share one refresh; different users refresh
 *       in parallel. Across instances the refresh runs under a row lock on the user's account and
 *       re-reads the expiry once the lock is held, so a second instance makes no second call.
 *   <li>Failures are {@link TokenRefreshException}s; no message ever contains a token.
 * </ul>
 */
@ApplicationScoped
public class TokenService {

  private static final Logger LOG = Logger.getLogger(TokenService.class.getName());

  @Inject TokenStore store;
  @Inject CalOAuthClient cal;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "callytics.token.refresh-buffer", defaultValue = "PT5M")
  Duration refreshBuffer;

  @Inject
  @ConfigProperty(name = "callytics.token.default-lifetime", defaultValue = "PT30M")
  Duration defaultLifetime;

  private final ConcurrentMap<String, StoredTokens> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CompletableFuture<StoredTokens>> inFlight =
      new ConcurrentHashMap<>();

  public TokenService() {}

  /** For unit tests: wires the service by hand. */
  public TokenService(
      TokenStore store,
      CalOAuthClient cal,
      Clock clock,
      Duration refreshBuffer,
      Duration defaultLifetime) {
    this.store = store;
    this.cal = cal;
    this.clock = clock;
    this.refreshBuffer = refreshBuffer;
    this.defaultLifetime = defaultLifetime;
  }

  /**
   * A Cal.com access token for the user with more than the refresh buffer left.
   *
   * @throws TokenRefreshException 401/400 re-authentication needed, 404 no Cal.com account, 503
   *     Cal.com unavailable, 502 unusable answer from Cal.com
   */
  public String validAccessToken(String userId) {
    Objects.requireNonNull(userId, "userId");
    StoredTokens cached = cache.get(userId);
    if (cached != null && cached.accessFreshBeyond(clock.instant(), refreshBuffer)) {
      return cached.accessToken();
    }
    return singleFlight(userId, () -> obtain(userId, false, null)).accessToken();
  }

  /** Refreshes now, whatever the stored expiry says, and returns the new access token. */
  public String refresh(String userId) {
    Objects.requireNonNull(userId, "userId");
    return singleFlight(userId, () -> obtain(userId, true, null)).accessToken();
  }

  /**
   * Calls Cal.com with the user's access token; when Cal.com answers 401 to a token believed valid
   * ({@link AccessTokenRejectedException}), refreshes once and retries once. A second 401 means the
   * user must sign in again. Use for idempotent calls only.
   */
  public <T> T callWithToken(String userId, Function<String, T> call) {
    String token = validAccessToken(userId);
    try {
      return call.apply(token);
    } catch (AccessTokenRejectedException first) {
      LOG.fine(() -> "Cal.com rejected the access token of user " + userId + ": refreshing once");
      String fresh = singleFlight(userId, () -> obtain(userId, true, token)).accessToken();
      try {
        return call.apply(fresh);
      } catch (AccessTokenRejectedException second) {
        markNeedsReauthentication(userId);
        throw TokenRefreshException.reauth(
            401, "Cal.com no longer accepts this sign-in. Sign in with Cal.com again.");
      }
    }
  }

  /** Forgets what this instance holds in memory for the user (sign-in, sign-out, deletion). */
  public void forget(String userId) {
    cache.remove(userId);
  }

  /** Marks the user's account as needing a new sign-in. */
  public void markNeedsReauthentication(String userId) {
    cache.remove(userId);
    store.withLockedAccount(
        userId,
        locked -> {
          locked.markNeedsReauth(clock.instant());
          return null;
        });
  }

  private StoredTokens singleFlight(String userId, Supplier<StoredTokens> work) {
    CompletableFuture<StoredTokens> mine = new CompletableFuture<>();
    CompletableFuture<StoredTokens> running = inFlight.putIfAbsent(userId, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    }
    try {
      StoredTokens result = work.get();
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(userId, mine);
    }
  }

  /**
   * The refresh itself (one caller per user at a time on this instance).
   *
   * @param forced refresh even when the stored token looks fresh
   * @param rejectedToken the token Cal.com just refused, if that is why we refresh
   */
  private StoredTokens obtain(String userId, boolean forced, String rejectedToken) {
    Instant now = clock.instant();
    if (!forced) {
      StoredTokens cached = cache.get(userId);
      if (cached != null && cached.accessFreshBeyond(now, refreshBuffer)) {
        return cached;
      }
    }
    StoredTokens stored =
        store
            .find(userId)
            .orElseThrow(
                () ->
                    new TokenRefreshException(
                        404, Reason.NO_ACCOUNT, "This user has no connected Cal.com account."));
    if (!forced && stored.accessFreshBeyond(now, refreshBuffer)) {
      return remember(userId, stored);
    }
    if (rejectedToken != null && isNewerAndValid(stored, rejectedToken, now)) {
      return remember(userId, stored);
    }
    checkRefreshable(stored, now);

    Outcome outcome =
        store.withLockedAccount(userId, locked -> refreshLocked(locked, forced, rejectedToken));
    if (outcome.failure() != null) {
      if (outcome.failure().needsReauthentication()) {
        cache.remove(userId);
      }
      throw outcome.failure();
    }
    return remember(userId, outcome.tokens());
  }

  /** Runs while the account row is locked; returns rather than throws so that writes commit. */
  private Outcome refreshLocked(
      TokenStore.LockedAccount locked, boolean forced, String rejectedToken) {
    Optional<StoredTokens> current = locked.tokens();
    if (current.isEmpty()) {
      return Outcome.failed(
          new TokenRefreshException(
              404, Reason.NO_ACCOUNT, "This user has no connected Cal.com account."));
    }
    StoredTokens tokens = current.get();
    Instant now = clock.instant();
    // Another request or instance may have refreshed while we waited for the lock.
    if (!forced && tokens.accessFreshBeyond(now, refreshBuffer)) {
      return Outcome.of(tokens);
    }
    if (rejectedToken != null && isNewerAndValid(tokens, rejectedToken, now)) {
      return Outcome.of(tokens);
    }
    try {
      checkRefreshable(tokens, now);
    } catch (TokenRefreshException e) {
      return Outcome.failed(e);
    }

    TokenResponse issued;
    try {
      issued = cal.refresh(tokens.refreshToken());
    } catch (CalOAuthException e) {
      return afterFailedRefresh(locked, tokens, forced, e);
    }
    Duration lifetime =
        issued.expiresIn() != null ? Duration.ofSeconds(issued.expiresIn()) : defaultLifetime;
    StoredTokens refreshed = locked.store(issued, issued.receivedAt().plus(lifetime));
    LOG.fine(() -> "Refreshed the Cal.com access token of user " + tokens.userId());
    return Outcome.of(refreshed);
  }

  private Outcome afterFailedRefresh(
      TokenStore.LockedAccount locked, StoredTokens sent, boolean forced, CalOAuthException e) {
    Instant now = clock.instant();
    LOG.warning(
        () ->
            "Refreshing the Cal.com token of user " + sent.userId() + " failed: " + e.getMessage());
    switch (e.kind()) {
      case REJECTED -> {
        StoredTokens latest = locked.reread().orElse(sent);
        if (latest.refreshToken() != null
            && !latest.refreshToken().equals(sent.refreshToken())
            && latest.accessStillValid(now)) {
          return Outcome.of(latest);
        }
        locked.markNeedsReauth(now);
        return Outcome.failed(
            TokenRefreshException.reauth(
                401, "Cal.com no longer accepts this sign-in. Sign in with Cal.com again."));
      }
      case UNAVAILABLE -> {
        if (!forced && sent.accessStillValid(now)) {
          return Outcome.of(sent);
        }
        return Outcome.failed(
            new TokenRefreshException(
                503, Reason.UNAVAILABLE, "Cal.com is not answering right now. Try again shortly."));
      }
      default -> {
        return Outcome.failed(
            new TokenRefreshException(
                502,
                Reason.BAD_RESPONSE,
                "Cal.com answered the token refresh with something unusable."));
      }
    }
  }

  private static void checkRefreshable(StoredTokens tokens, Instant now) {
    if (tokens.undecryptable()) {
      throw TokenRefreshException.reauth(
          401, "The stored Cal.com sign-in can no longer be read. Sign in with Cal.com again.");
    }
    if (tokens.needsReauth()) {
      throw TokenRefreshException.reauth(401, "Sign in with Cal.com again to continue.");
    }
    if (tokens.refreshToken() == null) {
      throw TokenRefreshException.reauth(
          400, "No refresh token is stored for this account. Sign in with Cal.com again.");
    }
    if (tokens.refreshExpiresAt() != null && !now.isBefore(tokens.refreshExpiresAt())) {
      throw TokenRefreshException.reauth(
          401, "The Cal.com sign-in has expired. Sign in with Cal.com again.");
    }
  }

  private static boolean isNewerAndValid(StoredTokens tokens, String rejected, Instant now) {
    return tokens.accessToken() != null
        && !tokens.accessToken().equals(rejected)
        && tokens.accessStillValid(now);
  }

  private StoredTokens remember(String userId, StoredTokens tokens) {
    cache.put(userId, tokens);
    return tokens;
  }

  private record Outcome(StoredTokens tokens, TokenRefreshException failure) {
    static Outcome of(StoredTokens tokens) {
      return new Outcome(tokens, null);
    }

    static Outcome failed(TokenRefreshException failure) {
      return new Outcome(null, failure);
    }
  }
}
