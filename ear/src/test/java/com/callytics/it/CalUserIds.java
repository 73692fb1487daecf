package com.callytics.it;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Cal.com user ids for the integration tests: a counter, so no two tests of a run share a user,
 * starting at the run's start time in milliseconds (times 1,000), so a run never meets a user a
 * previous run left in a database that is kept between runs.
 */
final class CalUserIds {

  private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() * 1_000);

  private CalUserIds() {}

  static long next() {
    return NEXT.incrementAndGet();
  }
}
