package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.bookings.entity.Booking;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BookingCsvWriterTest {

  static final String HEADER =
      "uid,title,status,start,end,duration,eventType,hosts,attendees,platform,hostNoShow,"
          + "guestNoShows,rating,cancellationReason,reschedulingReason,createdAt,updatedAt\r\n";

  final StringWriter out = new StringWriter();
  final BookingCsvWriter csv = new BookingCsvWriter(out);

  String write(Booking... bookings) throws IOException {
    csv.writeAll(List.of(bookings));
    return out.toString();
  }

  @Test
  void aHeaderThenOneCrlfTerminatedRowPerBooking() throws IOException {
    Booking b =
        booking("uid-1")
            .title("Product demo with Acme")
            .start("2025-03-18T14:00:00Z")
            .duration(45)
            .eventType(12, "product-demo")
            .meetingUrl("https://zoom.us/j/1")
            .host("Maya", "maya@northwind.example")
            .host("Lukas", "lukas@northwind.example")
            .attendee("Alice", "alice@acme.example")
            .absentAttendee("Ben", "ben@acme.example")
            .absentHost()
            .rating(4)
            .rescheduledFrom("uid-0", "Host travel")
            .createdAt(Instant.parse("2025-03-10T08:00:00Z"))
            .updatedAt(Instant.parse("2025-03-18T15:00:00Z"))
            .build();

    String row =
        String.join(
            ",",
            "uid-1",
            "Product demo with Acme",
            "accepted",
            "2025-03-18T14:00:00Z",
            "2025-03-18T14:45:00Z",
            "45",
            "product-demo",
            "maya@northwind.example; lukas@northwind.example",
            "alice@acme.example; ben@acme.example",
            "Zoom",
            "true",
            "1",
            "4",
            "",
            "Host travel",
            "2025-03-10T08:00:00Z",
            "2025-03-18T15:00:00Z");
    assertThat(write(b)).isEqualTo(HEADER + row + "\r\n");
  }

  @Test
  void missingValuesAreEmptyCells() throws IOException {
    String csvText = write(booking("u").title("").noHosts().noAttendees().build());

    assertThat(csvText.split("\r\n")[1])
        .isEqualTo(
            "u,,accepted,2025-03-03T10:00:00Z,2025-03-03T10:30:00Z,30,,,,Other,false,0,,,,,");
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() throws IOException {
    String csvText =
        write(
            booking("u1").title("Budget, Q3").build(),
            booking("u2").title("The \"big\" one").build(),
            booking("u3").title("Line\nbreak").cancelled("Sorry\r\nsick").build());

    assertThat(csvText)
        .contains("\r\nu1,\"Budget, Q3\",accepted,")
        .contains("\r\nu2,\"The \"\"big\"\" one\",accepted,")
        .contains("\r\nu3,\"Line\nbreak\",cancelled,")
        .contains(",\"Sorry\r\nsick\",");
  }

  static Stream<Arguments> formulas() {
    return Stream.of(
        Arguments.of("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""),
        Arguments.of("+1 555 0100", "'+1 555 0100"),
        Arguments.of("-2+3", "'-2+3"),
        Arguments.of("@SUM(A1)", "'@SUM(A1)"),
        Arguments.of("a=b", "a=b"));
  }

  @ParameterizedTest
  @MethodSource("formulas")
  void cellsThatASpreadsheetWouldRunAsFormulaAreDefused(String title, String cell)
      throws IOException {
    assertThat(write(booking("u").title(title).build())).contains("\r\nu," + cell + ",accepted,");
  }

  @Test
  void tabsAndCarriageReturnsAtTheStartAreDefusedToo() throws IOException {
    assertThat(write(booking("u1").title("\tcmd").build())).contains("\r\nu1,'\tcmd,accepted,");
    assertThat(BookingCsvWriter.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
  }

  @Test
  void rowsAreWrittenAsTheBookingsCome() throws IOException {
    List<Integer> linesSeenByTheSource = new ArrayList<>();
    Iterator<Booking> source =
        List.of(booking("a").build(), booking("b").build(), booking("c").build()).iterator();
    Iterable<Booking> bookings =
        () ->
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return source.hasNext();
              }

              @Override
              public Booking next() {
                linesSeenByTheSource.add(out.toString().split("\r\n", -1).length - 1);
                return source.next();
              }
            };

    int rows = csv.writeAll(bookings);

    assertThat(rows).isEqualTo(3);
    assertThat(linesSeenByTheSource).containsExactly(1, 2, 3);
  }
}
