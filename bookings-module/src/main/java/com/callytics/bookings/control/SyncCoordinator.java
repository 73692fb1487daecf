package com.callytics.bookings.control;

import com.callytics.auth.boundary.SignedIn;
import com.callytics.bookings.control.SyncStateStore.SyncState;
import com.callytics.bookings.entity.SyncStatus;
import com.callytics.bookings.entity.SyncStatus.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts booking syncs and tells how they stand. One sync per user at a time, across instances: a
 * sync runs only under the user's lease ({@link SyncStateStore#tryAcquire}); a trigger that finds a
 * live lease joins that run instead of starting another.
 *
 * <p>Syncs are triggered after each sign-in (in the background), by {@link #ensureFresh} when the
 * stored data is older than {@code callytics.sync.max-age}, and on demand ({@code POST /api/sync}).
 * They run on the server's managed executor.
 */
@ApplicationScoped
public class SyncCoordinator {

  static final String INTERRUPTED =
      "The sync stopped unexpectedly; the next one resumes where it stopped.";

  private static final Logger LOG = Logger.getLogger(SyncCoordinator.class.getName());
  private static final long POLL_MILLIS = 100;

  @Inject SyncStateStore states;
  @Inject BookingSync sync;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "callytics.sync.max-age", defaultValue = "PT5M")
  Duration maxAge;

  @Inject
  @ConfigProperty(name = "callytics.sync.lease", defaultValue = "PT2M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "callytics.sync.failure-backoff", defaultValue = "PT1M")
  Duration failureBackoff;

  /** This instance, in lease owner names. */
  private final String instance = UUID.randomUUID().toString();

  /** The runs of this instance, by user id. */
  private final ConcurrentMap<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

  @Inject ServerThreads serverThreads;

  /** Set by hand in tests; else {@link #serverThreads}. */
  private Executor executor;

  public SyncCoordinator() {}

  /** For tests: wired by hand, running syncs on {@code executor}. */
  public SyncCoordinator(
      SyncStateStore states,
      BookingSync sync,
      Clock clock,
      Duration maxAge,
      Duration lease,
      Duration failureBackoff,
      Executor executor) {
    this.states = states;
    this.sync = sync;
    this.clock = clock;
    this.maxAge = maxAge;
    this.lease = lease;
    this.failureBackoff = failureBackoff;
    this.executor = executor;
  }

  /** Starts the new user's first sync, or the returning user's catch-up, in the background. */
  void onSignIn(@Observes SignedIn signedIn) {
    try {
      start(signedIn.userId());
    } catch (RuntimeException e) {
      // Sign-in must not fail because a sync could not start; the dashboard starts one later.
      LOG.log(Level.WARNING, "Could not start the booking sync after sign-in", e);
    }
  }

  /** How the user's sync stands. */
  public SyncStatus status(String userId) {
    Objects.requireNonNull(userId, "userId");
    Optional<SyncState> state = states.find(userId);
    if (state.isEmpty()) {
      return SyncStatus.never(0);
    }
    SyncState s = state.get();
    Instant now = clock.instant();
    State effective;
    String error = null;
    if (SyncStateStore.RUNNING.equals(s.state())) {
      if (s.isLeased(now)) {
        effective = State.RUNNING;
      } else {
        effective = State.FAILED;
        error = INTERRUPTED;
      }
    } else if (SyncStateStore.FAILED.equals(s.state())) {
      effective = State.FAILED;
      error = s.lastError();
    } else {
      effective = State.IDLE;
    }
    return new SyncStatus(
        effective, s.lastSyncedAt(), s.storedBookings(), s.fetched(), s.cursor().total(), error);
  }

  /**
   * Starts a sync of the user's bookings unless one is running (on any instance), in which case the
   * caller joins it. Returns at once.
   *
   * @return the status right after, normally running
   */
  public SyncStatus requestSync(String userId) {
    Objects.requireNonNull(userId, "userId");
    start(userId);
    return status(userId);
  }

  /**
   * Makes sure the user's stored bookings are no older than {@code callytics.sync.max-age}: when
   * they are (or were never synced), starts or joins a sync and waits for it at most {@code
   * maxWait}. A sync that failed less than {@code callytics.sync.failure-backoff} ago is not
   * retried here (the user can ask for one).
   *
   * @return the status after the wait; the stored data is fresh when its state is idle and {@code
   *     lastSyncedAt} is recent
   */
  public SyncStatus ensureFresh(String userId, Duration maxWait) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(maxWait, "maxWait");
    Instant now = clock.instant();
    SyncStatus status = status(userId);
    if (isFresh(status, now)) {
      return status;
    }
    if (!status.isRunning()) {
      Optional<SyncState> state = states.find(userId);
      boolean recentlyFailed =
          status.state() == State.FAILED
              && state.isPresent()
              && state.get().startedAt() != null
              && state.get().startedAt().plus(failureBackoff).isAfter(now);
      if (recentlyFailed) {
        return status;
      }
      start(userId);
    }
    await(userId, maxWait);
    return status(userId);
  }

  private boolean isFresh(SyncStatus status, Instant now) {
    return status.lastSyncedAt() != null && status.lastSyncedAt().plus(maxAge).isAfter(now);
  }

  /** Takes the lease and submits the run; false when a live run holds the lease. */
  private boolean start(String userId) {
    String owner = instance + "/" + UUID.randomUUID();
    Instant now = clock.instant();
    if (!states.tryAcquire(userId, owner, now, now.plus(lease))) {
      return false;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    running.put(userId, done);
    Runnable run =
        () -> {
          try {
            sync.run(userId, owner);
          } finally {
            running.remove(userId, done);
            done.complete(null);
          }
        };
    try {
      executor().execute(run);
    } catch (RejectedExecutionException | IllegalStateException e) {
      running.remove(userId, done);
      done.complete(null);
      LOG.log(Level.WARNING, "Could not start the booking sync of user " + userId, e);
      states.fail(userId, owner, "The sync could not be started. Try again shortly.", now);
      return false;
    }
    return true;
  }

  /** Waits for the user's run: on its future when it runs here, else by reading its state. */
  private void await(String userId, Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    CompletableFuture<Void> local = running.get(userId);
    try {
      if (local != null) {
        local.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return;
      }
      while (System.nanoTime() < deadline && status(userId).isRunning()) {
        Thread.sleep(
            Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      }
    } catch (TimeoutException e) {
      // still running: the caller gets the status as it stands
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.log(Level.FINE, "A booking sync ended with an exception", e.getCause());
    }
  }

  private Executor executor() {
    return executor != null ? executor : serverThreads;
  }
}
