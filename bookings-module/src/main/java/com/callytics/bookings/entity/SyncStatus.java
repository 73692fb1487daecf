package com.callytics.bookings.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * What a user sees of their booking sync ({@code GET /api/sync}).
 *
 * @param state idle, running or failed
 * @param lastSyncedAt when the last sync completed, {@code null} before the first one
 * @param storedBookings how many of the user's bookings the store holds
 * @param fetched bookings fetched by the current (or last) sync run
 * @param total bookings Cal.com reported for that run, {@code null} when it did not say
 * @param error why the last run failed, {@code null} unless the state is failed
 */
public record SyncStatus(
    State state,
    Instant lastSyncedAt,
    long storedBookings,
    int fetched,
    Integer total,
    String error) {

  /** The states of a user's sync. */
  public enum State {
    IDLE,
    RUNNING,
    FAILED;

    /** As the API writes it: {@code idle}, {@code running}, {@code failed}. */
    public String apiValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public SyncStatus {
    Objects.requireNonNull(state, "state");
  }

  /** A user who has never been synced. */
  public static SyncStatus never(long storedBookings) {
    return new SyncStatus(State.IDLE, null, storedBookings, 0, null, null);
  }

  public boolean isRunning() {
    return state == State.RUNNING;
  }
}
