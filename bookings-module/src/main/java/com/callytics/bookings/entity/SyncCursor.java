package com.callytics.bookings.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a user's sync stands: which kind of run, and the first booking (as an offset into Cal.com's
 * stable order) not yet committed to the store. Advanced only after a page has been committed, so
 * that a failed run resumes where it stopped.
 *
 * @param phase a full sync pages through everything; an incremental one only through bookings
 *     updated after {@code updatedAfter}
 * @param nextSkip offset of the next page to fetch
 * @param updatedAfter the lower bound of an incremental run in progress; {@code null} for a full
 *     run, or before an incremental run has committed its first page
 * @param total bookings Cal.com reported for the run, {@code null} when unknown
 */
public record SyncCursor(Phase phase, int nextSkip, Instant updatedAfter, Integer total) {

  /** Full history, or changes only. */
  public enum Phase {
    FULL,
    INCREMENTAL
  }

  public SyncCursor {
    Objects.requireNonNull(phase, "phase");
    if (nextSkip < 0) {
      throw new IllegalArgumentException("nextSkip must not be negative: " + nextSkip);
    }
    if (phase == Phase.FULL && updatedAfter != null) {
      throw new IllegalArgumentException("a full sync has no updatedAfter bound");
    }
  }

  /** The start of a user's first sync. */
  public static SyncCursor firstSync() {
    return new SyncCursor(Phase.FULL, 0, null, null);
  }

  /** The start of a run that fetches the changes after {@code updatedAfter}. */
  public static SyncCursor changesAfter(Instant updatedAfter) {
    return new SyncCursor(
        Phase.INCREMENTAL, 0, Objects.requireNonNull(updatedAfter, "updatedAfter"), null);
  }

  /** Whether this cursor is part-way through a run (a resumed run continues from it). */
  public boolean isResuming() {
    return nextSkip > 0;
  }
}
