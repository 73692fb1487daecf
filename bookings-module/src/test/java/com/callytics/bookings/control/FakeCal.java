package com.callytics.bookings.control;

import com.callytics.auth.boundary.TokenService;
import com.callytics.bookings.control.cal.CalBookingsClient;
import com.callytics.bookings.control.cal.CalBookingsPage;
import com.callytics.bookings.control.cal.CalUnavailableException;
import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.BookingQuery;
import com.callytics.bookings.entity.Pagination;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Plays Cal.com's bookings endpoint for one user, in memory, with failures at chosen offsets. */
final class FakeCal extends CalBookingsClient {

  final List<Booking> bookings = new CopyOnWriteArrayList<>();
  final List<BookingQuery> requests = new CopyOnWriteArrayList<>();
  final Set<Integer> failingSkips = ConcurrentHashMap.newKeySet();
  volatile Runnable beforeAnswer = () -> {};

  FakeCal(int count) {
    for (int i = 1; i <= count; i++) {
      bookings.add(Bookings.number(i));
    }
  }

  /** Cancels the given bookings, updated at {@code now}. */
  void change(Instant now, int... numbers) {
    for (int n : numbers) {
      bookings.replaceAll(
          b -> b.uid().equals("uid-" + n) ? Bookings.number(n, "cancelled", now) : b);
    }
  }

  @Override
  public CalBookingsPage fetch(String accessToken, BookingQuery query) {
    requests.add(query);
    beforeAnswer.run();
    int skip = query.skip().orElse(0);
    if (failingSkips.contains(skip)) {
      throw new CalUnavailableException(500, null);
    }
    List<Booking> matching = new ArrayList<>();
    for (Booking booking : bookings) {
      if (query.afterUpdatedAt().map(after -> !booking.updatedAt().isBefore(after)).orElse(true)) {
        matching.add(booking);
      }
    }
    matching.sort(Comparator.comparing(Booking::createdAt).thenComparing(Booking::id));
    int take = query.take().orElse(100);
    List<Booking> page =
        List.copyOf(
            matching.subList(
                Math.min(skip, matching.size()), Math.min(skip + take, matching.size())));
    return new CalBookingsPage(
        page,
        0,
        matching.size(),
        Pagination.compute(take, skip, page.size(), matching.size()),
        null,
        null);
  }

  /** A token service that hands every call the same token. */
  static TokenService tokens() {
    return new TokenService() {
      @Override
      public <T> T callWithToken(String userId, Function<String, T> call) {
        return call.apply("test-token");
      }
    };
  }
}
