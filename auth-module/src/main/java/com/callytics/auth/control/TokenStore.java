package com.callytics.auth.control;

import com.callytics.auth.control.CalOAuthClient.TokenResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Where the token service keeps a user's Cal.com tokens. */
public interface TokenStore {

  /** A plain read: the user's tokens, or empty when the user has no Cal.com account. */
  Optional<StoredTokens> find(String userId);

  /**
   * Runs {@code work} in its own transaction while holding a write lock on the user's account row,
   * so that only one instance refreshes at a time; changes made through {@link LockedAccount} are
   * committed together when {@code work} returns.
   */
  <T> T withLockedAccount(String userId, Function<LockedAccount, T> work);

  /** The locked account, seen from inside {@link #withLockedAccount}. */
  interface LockedAccount {

    /** The tokens as read once the lock was held; empty when the account does not exist. */
    Optional<StoredTokens> tokens();

    /** Reads the row again, bypassing any cache. */
    Optional<StoredTokens> reread();

    /**
     * Stores a refresh result: access token, its expiry and, when one was returned, the new refresh
     * token (otherwise the old one stays), in one write.
     */
    StoredTokens store(TokenResponse issued, Instant accessExpiresAt);

    void markNeedsReauth(Instant now);
  }
}
