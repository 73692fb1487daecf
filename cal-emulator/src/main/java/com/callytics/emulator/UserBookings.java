package com.callytics.emulator;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One user's booking set. Reads (pages, snapshots) share a read lock; {@link #change} takes the
 * write lock. Sorted orders other than the natural one are cached until the next change.
 */
final class UserBookings {
  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
  private static final int RESULT_CACHE_SIZE = 32;

  private final long userId;
  private final Booking[] bookings;
  private final Map<String, Integer> indexByUid;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ConcurrentHashMap<String, int[]> sortCache = new ConcurrentHashMap<>();
  private final SplittableRandom changeRandom;

  /** Filtered results by {@link BookingQuery#resultKey()}, least recently used dropped. */
  private final Map<String, Result> results =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
          return size() > RESULT_CACHE_SIZE;
        }
      };

  UserBookings(long userId, int count, long anchorMs) {
    this.userId = userId;
    this.bookings = BookingGenerator.generate(userId, count, anchorMs);
    this.indexByUid = new HashMap<>(count * 2);
    for (Booking b : bookings) {
      indexByUid.put(b.uid, b.index);
    }
    this.changeRandom = new SplittableRandom(userId ^ 0xC0FFEEL);
  }

  int size() {
    return bookings.length;
  }

  /** Renders one page of the query in the given shape. */
  byte[] page(BookingQuery q, long nowMs, CalEmulator.Shape shape, User user) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + q.take * 1400);
    lock.readLock().lock();
    try {
      int[] order = q.naturalOrder() ? null : sortedOrder(q);
      int n = bookings.length;
      int total;
      Booking[] page = new Booking[Math.min(q.take, n)];
      int returned = 0;
      if (!q.hasFilters()) {
        total = n;
        for (int pos = q.skip; pos < n && returned < page.length; pos++) {
          page[returned++] = bookings[order == null ? pos : order[pos]];
        }
      } else {
        int[] matches = matches(q, nowMs, order);
        total = matches.length;
        for (int pos = q.skip; pos < total && returned < page.length; pos++) {
          page[returned++] = bookings[matches[pos]];
        }
      }
      try (JsonGenerator g = GENERATORS.createGenerator(out)) {
        writeEnvelope(g, q, shape, user, page, returned, total);
      }
    } finally {
      lock.readLock().unlock();
    }
    return out.toByteArray();
  }

  private void writeEnvelope(
      JsonGenerator g,
      BookingQuery q,
      CalEmulator.Shape shape,
      User user,
      Booking[] page,
      int returned,
      int total) {
    boolean hasNext = (long) q.skip + returned < total;
    boolean hasPrevious = q.skip > 0;
    switch (shape) {
      case BARE_ARRAY:
        writeArray(g, null, page, returned, user);
        break;
      case DATA_CURSOR:
        g.writeStartObject();
        writeArray(g, "data", page, returned, user);
        g.write("totalCount", total);
        writeCursors(g, q, hasNext, hasPrevious);
        g.writeEnd();
        break;
      case BOOKINGS_META:
        g.writeStartObject();
        writeArray(g, "bookings", page, returned, user);
        g.writeStartObject("meta");
        g.write("total", total);
        writeCursors(g, q, hasNext, hasPrevious);
        g.writeEnd();
        g.writeEnd();
        break;
      default:
        g.writeStartObject();
        g.write("status", "success");
        writeArray(g, "data", page, returned, user);
        g.writeStartObject("pagination");
        g.write("totalItems", total);
        g.write("remainingItems", Math.max(0, total - q.skip - returned));
        g.write("returnedItems", returned);
        g.write("itemsPerPage", q.take);
        g.write("currentPage", q.skip / q.take + 1);
        g.write("totalPages", (total + q.take - 1) / q.take);
        g.write("hasNextPage", hasNext);
        g.write("hasPreviousPage", hasPrevious);
        g.writeEnd();
        g.writeNull("error");
        g.writeEnd();
        break;
    }
  }

  private static void writeCursors(
      JsonGenerator g, BookingQuery q, boolean hasNext, boolean hasPrevious) {
    if (hasNext) {
      g.write("nextCursor", (long) q.skip + q.take);
    } else {
      g.writeNull("nextCursor");
    }
    if (hasPrevious) {
      g.write("prevCursor", Math.max(0, q.skip - q.take));
    } else {
      g.writeNull("prevCursor");
    }
  }

  private void writeArray(JsonGenerator g, String name, Booking[] page, int returned, User user) {
    if (name == null) {
      g.writeStartArray();
    } else {
      g.writeStartArray(name);
    }
    for (int i = 0; i < returned; i++) {
      BookingJson.write(g, page[i], bookings, user);
    }
    g.writeEnd();
  }

  /**
   * Indexes of the matching bookings in result order, cached per filter+sort until the next change;
   * results that depend on "now" stay valid until the next booking end passes.
   */
  private int[] matches(BookingQuery q, long nowMs, int[] order) {
    String key = q.resultKey();
    synchronized (results) {
      Result cached = results.get(key);
      if (cached != null && nowMs >= cached.computedAtMs() && nowMs < cached.validUntilMs()) {
        return cached.indexes();
      }
    }
    int n = bookings.length;
    boolean[] hit = new boolean[n];
    int count = 0;
    long nextEnd = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      Booking b = bookings[i];
      if (q.matches(b, userId, nowMs)) {
        hit[i] = true;
        count++;
      }
      long end = b.endMs();
      if (end > nowMs && end < nextEnd) {
        nextEnd = end;
      }
    }
    int[] indexes = new int[count];
    int k = 0;
    for (int pos = 0; pos < n; pos++) {
      int i = order == null ? pos : order[pos];
      if (hit[i]) {
        indexes[k++] = i;
      }
    }
    Result result =
        q.timeRelative()
            ? new Result(indexes, nowMs, nextEnd)
            : new Result(indexes, Long.MIN_VALUE, Long.MAX_VALUE);
    synchronized (results) {
      results.put(key, result);
    }
    return indexes;
  }

  private record Result(int[] indexes, long computedAtMs, long validUntilMs) {}

  private int[] sortedOrder(BookingQuery q) {
    return sortCache.computeIfAbsent(q.sortKey(), key -> sort(q.sorts));
  }

  private int[] sort(List<BookingQuery.Sort> sorts) {
    Comparator<Booking> comparator = null;
    for (BookingQuery.Sort s : sorts) {
      Comparator<Booking> c;
      switch (s.field()) {
        case "end":
          c = Comparator.comparingLong(Booking::endMs);
          break;
        case "created":
          c = Comparator.comparingLong(b -> b.createdMs);
          break;
        case "updated":
          c = Comparator.comparingLong(b -> b.updatedMs);
          break;
        default:
          c = Comparator.comparingLong(b -> b.startMs);
          break;
      }
      if (!s.ascending()) {
        c = c.reversed();
      }
      comparator = comparator == null ? c : comparator.thenComparing(c);
    }
    Comparator<Booking> byId = Comparator.comparingLong(b -> b.id);
    comparator = comparator.thenComparing(sorts.get(0).ascending() ? byId : byId.reversed());
    Booking[] copy = bookings.clone();
    Arrays.sort(copy, comparator);
    int[] order = new int[copy.length];
    for (int i = 0; i < copy.length; i++) {
      order[i] = copy[i].index;
    }
    return order;
  }

  /**
   * Changes {@code n} bookings: accepted or pending ones are cancelled with a reason; when there
   * are not enough of those, others get new notes. Their updatedAt becomes {@code nowMs}.
   */
  List<String> change(int n, long nowMs) {
    lock.writeLock().lock();
    try {
      List<Integer> open = new ArrayList<>();
      List<Integer> closed = new ArrayList<>();
      for (Booking b : bookings) {
        (b.status == Booking.ACCEPTED || b.status == Booking.PENDING ? open : closed).add(b.index);
      }
      List<String> uids = new ArrayList<>(Math.min(n, bookings.length));
      int wanted = Math.min(n, bookings.length);
      for (List<Integer> pool : List.of(open, closed)) {
        while (uids.size() < wanted && !pool.isEmpty()) {
          int pick = changeRandom.nextInt(pool.size());
          int last = pool.size() - 1;
          int index = pool.get(pick);
          pool.set(pick, pool.get(last));
          pool.remove(last);
          Booking b = bookings[index];
          if (pool == open) {
            b.status = Booking.CANCELLED;
            b.cancelReason = Pools.CHANGED_CANCEL_REASON;
            b.cancelledBy = Booking.BY_HOST;
          } else {
            b.description = Pools.CHANGED_DESCRIPTION;
          }
          b.updatedMs = Math.max(nowMs, b.createdMs);
          uids.add(b.uid);
        }
      }
      sortCache.clear();
      synchronized (results) {
        results.clear();
      }
      return uids;
    } finally {
      lock.writeLock().unlock();
    }
  }

  Map<String, Instant> updatedAt() {
    lock.readLock().lock();
    try {
      Map<String, Instant> out = new LinkedHashMap<>(bookings.length * 2);
      for (Booking b : bookings) {
        out.put(b.uid, Instant.ofEpochMilli(b.updatedMs));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** All bookings as one JSON array, natural order. */
  byte[] all(User user) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bookings.length * 1400 + 2);
    lock.readLock().lock();
    try (JsonGenerator g = GENERATORS.createGenerator(out)) {
      writeArray(g, null, bookings, bookings.length, user);
    } finally {
      lock.readLock().unlock();
    }
    return out.toByteArray();
  }

  /** One booking as JSON, or null. */
  byte[] one(String uid, User user) {
    Integer index = indexByUid.get(uid);
    if (index == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1400);
    lock.readLock().lock();
    try (JsonGenerator g = GENERATORS.createGenerator(out)) {
      BookingJson.write(g, bookings[index], bookings, user);
    } finally {
      lock.readLock().unlock();
    }
    return out.toByteArray();
  }
}
