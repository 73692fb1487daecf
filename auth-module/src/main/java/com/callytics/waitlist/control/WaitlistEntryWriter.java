package com.callytics.waitlist.control;

import com.callytics.waitlist.entity.WaitlistEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Stores a waitlist entry in a transaction of its own, so that a unique-constraint violation rolls
 * back only this insert and the caller's transaction can still read what the winner stored.
 */
@ApplicationScoped
public class WaitlistEntryWriter {

  @PersistenceContext(unitName = "callytics")
  EntityManager em;

  /**
   * Inserts the entry and commits it before returning.
   *
   * @throws jakarta.persistence.PersistenceException when the database refuses the row, for example
   *     because the email is listed already
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void insertInOwnTransaction(WaitlistEntry entry) {
    em.persist(entry);
    em.flush();
  }
}
