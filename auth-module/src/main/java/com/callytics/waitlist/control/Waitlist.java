package com.callytics.waitlist.control;

import com.callytics.waitlist.entity.WaitlistEntry;
import com.callytics.waitlist.entity.WaitlistRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Objects;

/**
 * The waitlist: one entry per (normalised) email address. Joining twice changes nothing; the caller
 * learns only whether this request created the entry.
 */
@ApplicationScoped
public class Waitlist {

  /** What {@link #join} did. */
  public enum JoinResult {
    /** A new entry was stored. */
    CREATED,
    /** The email was already listed: nothing was stored or changed. */
    ALREADY_LISTED
  }

  @PersistenceContext(unitName = "callytics")
  EntityManager em;

  @Inject Clock clock;

  @Inject WaitlistEntryWriter writer;

  /**
   * Lists the request's email unless it is listed already. Two requests for the same email racing
   * each other store one entry: the insert runs in its own transaction, and the one that loses to
   * the unique constraint re-reads and answers {@link JoinResult#ALREADY_LISTED}.
   */
  @Transactional
  public JoinResult join(WaitlistRequest request) {
    Objects.requireNonNull(request, "request");
    String email = request.email();
    if (isListed(email)) {
      return JoinResult.ALREADY_LISTED;
    }
    WaitlistEntry entry = request.toEntry(WaitlistEntry.SOURCE_WEB, clock.instant());
    try {
      writer.insertInOwnTransaction(entry);
      return JoinResult.CREATED;
    } catch (RuntimeException e) {
      // Another request listed the same email between the check above and this insert.
      if (isListed(email)) {
        return JoinResult.ALREADY_LISTED;
      }
      throw e;
    }
  }

  /** Whether the (normalised) email has an entry. */
  public boolean isListed(String normalisedEmail) {
    return !em.createQuery("SELECT e.id FROM WaitlistEntry e WHERE e.email = :email", String.class)
        .setParameter("email", normalisedEmail)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
