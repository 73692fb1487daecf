package com.callytics.analytics.control;

import com.callytics.analytics.entity.Platform;
import com.callytics.bookings.entity.Booking;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes bookings as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, a double
 * quote, CR or LF quoted, quotes doubled), one row per booking as it comes, so that an export of
 * any size streams. Instants are ISO-8601 in UTC.
 *
 * <p>Against formula injection in spreadsheets, a cell starting with {@code =}, {@code +}, {@code
 * -}, {@code @}, a tab or a CR gets a leading single quote ({@code '}).
 *
 * <p>Not thread-safe; does not close or flush the writer.
 */
public final class BookingCsvWriter {

  /** The header row's column names, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "uid",
          "title",
          "status",
          "start",
          "end",
          "duration",
          "eventType",
          "hosts",
          "attendees",
          "platform",
          "hostNoShow",
          "guestNoShows",
          "rating",
          "cancellationReason",
          "reschedulingReason",
          "createdAt",
          "updatedAt");

  private static final String CRLF = "\r\n";
  private static final String LIST_SEPARATOR = "; ";

  private final Writer out;

  public BookingCsvWriter(Writer out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Writes the header row and then a row per booking; returns the number of bookings written. */
  public int writeAll(Iterable<? extends Booking> bookings) throws IOException {
    return writeAll(bookings.iterator());
  }

  /**
   * Writes the header row and then a row per booking, consuming the stream once (it is not closed);
   * returns the number of bookings written.
   */
  public int writeAll(Stream<? extends Booking> bookings) throws IOException {
    return writeAll(bookings.sequential().iterator());
  }

  private int writeAll(Iterator<? extends Booking> bookings) throws IOException {
    writeHeader();
    int rows = 0;
    while (bookings.hasNext()) {
      writeRow(bookings.next());
      rows++;
    }
    return rows;
  }

  /** Writes the header row. */
  public void writeHeader() throws IOException {
    writeLine(COLUMNS);
  }

  /** Writes one booking's row. */
  public void writeRow(Booking booking) throws IOException {
    long guestNoShows = booking.attendees().stream().filter(Booking.Attendee::absent).count();
    writeLine(
        List.of(
            text(booking.uid()),
            text(booking.title()),
            text(booking.status()),
            instant(booking.start()),
            instant(booking.end()),
            String.valueOf(booking.duration()),
            text(BookingFacts.eventTypeSlug(booking)),
            emails(booking.hosts(), Booking.Host::email),
            emails(booking.attendees(), Booking.Attendee::email),
            Platform.of(booking).label(),
            String.valueOf(booking.absentHost()),
            String.valueOf(guestNoShows),
            booking.rating() == null ? "" : booking.rating().toString(),
            text(booking.cancellationReason()),
            text(booking.reschedulingReason()),
            instant(booking.createdAt()),
            instant(booking.updatedAt())));
  }

  private void writeLine(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write(CRLF);
  }

  /** A cell as written: protected against formula injection, then quoted when it has to be. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = startsLikeFormula(value) ? "'" + value : value;
    if (safe.indexOf(',') >= 0
        || safe.indexOf('"') >= 0
        || safe.indexOf('\r') >= 0
        || safe.indexOf('\n') >= 0) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }

  private static boolean startsLikeFormula(String value) {
    char first = value.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String instant(Instant value) {
    return value == null ? "" : value.toString();
  }

  private static <T> String emails(List<T> people, Function<T, String> email) {
    return people.stream()
        .map(email)
        .filter(e -> e != null && !e.isBlank())
        .map(String::trim)
        .collect(Collectors.joining(LIST_SEPARATOR));
  }
}
