package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics.PlatformShare;
import com.callytics.analytics.entity.Analytics.Platforms;
import com.callytics.analytics.entity.Platform;
import com.callytics.bookings.entity.Booking;
import java.util.ArrayList;
import java.util.List;

/** Bookings per video platform. */
final class PlatformTally {

  private final int[] counts = new int[Platform.values().length];
  private int total;

  void add(Booking booking) {
    counts[Platform.of(booking).ordinal()]++;
    total++;
  }

  Platforms result() {
    List<PlatformShare> shares = new ArrayList<>(counts.length);
    Platform mostUsed = null;
    int mostUsedCount = 0;
    for (Platform platform : Platform.values()) {
      int count = counts[platform.ordinal()];
      shares.add(new PlatformShare(platform, count, BookingFacts.percent(count, total)));
      if (count > mostUsedCount) {
        mostUsed = platform;
        mostUsedCount = count;
      }
    }
    return new Platforms(shares, mostUsed);
  }
}
