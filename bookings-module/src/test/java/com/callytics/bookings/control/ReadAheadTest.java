package com.callytics.bookings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void everyElementArrivesInOrderAcrossBatches() {
    CountDownLatch sourceClosed = new CountDownLatch(1);
    List<Integer> read;
    try (Stream<Integer> stream =
        ReadAhead.of(
            () -> IntStream.range(0, 1_234).boxed().onClose(sourceClosed::countDown),
            threads,
            100)) {
      read = stream.toList();
    }

    assertThat(read).containsExactlyElementsOf(IntStream.range(0, 1_234).boxed().toList());
    assertThat(sourceClosed.getCount()).isZero();
  }

  @Test
  void whenNoThreadIsFreeTheCallerReadsTheSourceItselfAndTheLateTaskDoesNothing() {
    List<Runnable> waiting = new ArrayList<>();
    AtomicInteger opened = new AtomicInteger();
    List<Integer> read;
    try (Stream<Integer> stream =
        ReadAhead.of(
            () -> {
              opened.incrementAndGet();
              return IntStream.range(0, 250).boxed();
            },
            waiting::add, // a busy executor: the task waits behind long work
            100)) {
      read = stream.toList();
    }
    waiting.forEach(Runnable::run); // the task's turn comes at last

    assertThat(read).containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
    assertThat(opened).hasValue(1);
  }

  @Test
  void aFullExecutorIsNoFailure() {
    try (Stream<Integer> stream =
        ReadAhead.of(
            () -> Stream.of(1, 2, 3),
            task -> {
              throw new java.util.concurrent.RejectedExecutionException("full");
            },
            2)) {
      assertThat(stream).containsExactly(1, 2, 3);
    }
  }

  @Test
  void anEmptySourceGivesAnEmptyStream() {
    try (Stream<Integer> stream = ReadAhead.of(Stream::of, threads, 10)) {
      assertThat(stream).isEmpty();
    }
  }

  @Test
  void aFailureOfTheReaderReachesTheCallerAfterWhatWasReadBeforeIt() {
    List<Integer> consumed = new ArrayList<>();
    Stream<Integer> failing =
        IntStream.range(0, 100)
            .boxed()
            .peek(
                i -> {
                  if (i == 42) {
                    throw new BookingStoreException("Reading stored bookings failed", null);
                  }
                });

    try (Stream<Integer> stream = ReadAhead.of(() -> failing, threads, 10)) {
      assertThatThrownBy(() -> stream.forEach(consumed::add))
          .isInstanceOf(BookingStoreException.class)
          .hasMessage("Reading stored bookings failed");
    }

    assertThat(consumed).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
  }

  @Test
  void closingEarlyStopsTheReaderWhichClosesItsSource() throws InterruptedException {
    CountDownLatch sourceClosed = new CountDownLatch(1);
    AtomicInteger produced = new AtomicInteger();
    Stream<Integer> endless =
        Stream.iterate(0, i -> i + 1)
            .peek(i -> produced.incrementAndGet())
            .onClose(sourceClosed::countDown);

    try (Stream<Integer> stream = ReadAhead.of(() -> endless, threads, 100)) {
      java.util.Iterator<Integer> elements = stream.iterator();
      assertThat(List.of(elements.next(), elements.next(), elements.next()))
          .containsExactly(0, 1, 2);
      // the reader fills the queue and then waits: what it holds stays bounded
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (produced.get() < ReadAhead.QUEUED * 100 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(produced.get()).isBetween(ReadAhead.QUEUED * 100, (ReadAhead.QUEUED + 2) * 100);
    }

    assertThat(sourceClosed.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
