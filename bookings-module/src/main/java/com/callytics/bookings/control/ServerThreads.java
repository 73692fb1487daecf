package com.callytics.bookings.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The application server's managed executor ({@code java:comp/DefaultManagedExecutorService}),
 * looked up once: work handed to it runs on the server's threads, with the application's context.
 */
@ApplicationScoped
public class ServerThreads implements Executor {

  static final String JNDI_NAME = "java:comp/DefaultManagedExecutorService";

  private volatile Executor executor;

  @Override
  public void execute(Runnable work) {
    executor().execute(work);
  }

  private Executor executor() {
    Executor current = executor;
    if (current == null) {
      try {
        current = InitialContext.doLookup(JNDI_NAME);
      } catch (NamingException e) {
        throw new IllegalStateException(
            "The managed executor " + JNDI_NAME + " is not available", e);
      }
      executor = current;
    }
    return current;
  }
}
