package com.callytics.bookings.control;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a stream on another thread while the caller consumes it, so that reading (the database
 * cursor, decoding rows) and consuming (e.g. the analytics pass) run on two cores at once. Elements
 * cross over in batches through a bounded queue: at most {@value #QUEUED} batches of {@code
 * batchSize} wait at any time, so memory stays bounded whatever the length of the source.
 *
 * <p>The source is opened, read and closed on the reading thread. Closing the returned stream stops
 * the reader (early, when the caller stops early); a failure of the reader is thrown to the caller
 * at the point of the stream it reached.
 */
public final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

  static final int QUEUED = 4;
  static final long GRACE_MILLIS = 10;
  private static final long OFFER_WAIT_MILLIS = 50;

  private final BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Supplier<Stream<T>> source;
  private final int batchSize;

  /** Set by whoever reads the source: the executor's task or, failing it, the caller. */
  private final AtomicBoolean taken = new AtomicBoolean();

  private final CountDownLatch takenUp = new CountDownLatch(1);
  private volatile boolean closed;
  private Iterator<T> current = List.<T>of().iterator();
  private boolean ended;
  private boolean started;

  /** The source, when the caller reads it itself. */
  private Stream<T> inline;

  private ReadAhead(Supplier<Stream<T>> source, int batchSize) {
    this.source = source;
    this.batchSize = batchSize;
  }

  /**
   * The elements of {@code source}, read ahead on {@code executor}.
   *
   * @param source opens the stream to read (called on the reading thread, which closes it)
   * @param batchSize elements handed over at a time
   */
  public static <T> Stream<T> of(Supplier<Stream<T>> source, Executor executor, int batchSize) {
    Objects.requireNonNull(source, "source");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    ReadAhead<T> reader = new ReadAhead<>(source, batchSize);
    try {
      executor.execute(reader::readAhead);
    } catch (RejectedExecutionException full) {
      // the caller reads the source itself (awaitReader)
    }
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(reader::close);
  }

  /** The executor's task: reads the source unless the caller has taken it over. */
  private void readAhead() {
    if (!taken.compareAndSet(false, true)) {
      return;
    }
    takenUp.countDown();
    Batch<T> last;
    try (Stream<T> elements = source.get()) {
      Iterator<T> iterator = elements.iterator();
      List<T> batch = new ArrayList<>(batchSize);
      while (!closed && iterator.hasNext()) {
        batch.add(iterator.next());
        if (batch.size() == batchSize) {
          if (!handOver(new Batch<>(batch, null, false))) {
            return;
          }
          batch = new ArrayList<>(batchSize);
        }
      }
      if (!batch.isEmpty() && !handOver(new Batch<>(batch, null, false))) {
        return;
      }
      last = new Batch<>(List.of(), null, true);
    } catch (RuntimeException | Error failure) {
      last = new Batch<>(List.of(), failure, true);
    }
    handOver(last);
  }

  /** Waits for room in the queue; false when the consumer has closed the stream meanwhile. */
  private boolean handOver(Batch<T> batch) {
    try {
      while (!closed) {
        if (queue.offer(batch, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public boolean hasNext() {
    if (!started) {
      started = true;
      awaitReader();
    }
    while (!current.hasNext()) {
      if (ended) {
        return false;
      }
      Batch<T> batch;
      try {
        batch = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while reading ahead", e);
      }
      if (batch.failure() instanceof RuntimeException failure) {
        ended = true;
        throw failure;
      }
      if (batch.failure() instanceof Error failure) {
        ended = true;
        throw failure;
      }
      ended = batch.last();
      current = batch.elements().iterator();
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  /** Gives the executor a moment to take the reading up; else reads on this thread. */
  private void awaitReader() {
    try {
      takenUp.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (taken.compareAndSet(false, true)) {
      inline = source.get();
      current = inline.iterator();
      ended = true;
    }
  }

  /** Stops the reader; it closes its source as soon as it notices. */
  @Override
  public void close() {
    closed = true;
    taken.compareAndSet(false, true);
    queue.clear();
    if (inline != null) {
      inline.close();
    }
  }

  private record Batch<T>(List<T> elements, Throwable failure, boolean last) {}
}
