package com.callytics.bookings.control.cal;

import static com.callytics.bookings.control.cal.CalJsonFields.bool;
import static com.callytics.bookings.control.cal.CalJsonFields.intValue;
import static com.callytics.bookings.control.cal.CalJsonFields.object;

import com.callytics.bookings.entity.Booking;
import com.callytics.bookings.entity.Pagination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one page of Cal.com's {@code GET /v2/bookings} in any of the shapes it has been seen to
 * take:
 *
 * <ol>
 *   <li>the standard envelope {@code {status, data[], pagination{...}, error}};
 *   <li>a bare array of bookings;
 *   <li>{@code {data[], totalCount|count, nextCursor, prevCursor}};
 *   <li>{@code {bookings[], meta{total|count, nextCursor, prevCursor}}}.
 * </ol>
 *
 * Anything else, including an envelope with status {@code "error"}, is an {@link
 * UnsupportedResponseShapeException}. Bookings that cannot be translated are skipped and counted.
 */
@ApplicationScoped
public class CalBookingsResponseParser {

  private static final Logger LOG = Logger.getLogger(CalBookingsResponseParser.class.getName());
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private final CalBookingTranslator translator = new CalBookingTranslator();

  /** Parses a page held in a string. */
  public CalBookingsPage parse(String body) {
    Objects.requireNonNull(body, "body");
    return fromJson(read(() -> READERS.createReader(new StringReader(body))));
  }

  /** Parses a page read from a stream (encoding detected as JSON allows); closes the stream. */
  public CalBookingsPage parse(InputStream body) {
    Objects.requireNonNull(body, "body");
    return fromJson(read(() -> READERS.createReader(body)));
  }

  private static JsonValue read(Supplier<JsonReader> opener) {
    try (JsonReader reader = opener.get()) {
      return reader.readValue();
    } catch (JsonException | IllegalStateException malformed) {
      throw new UnsupportedResponseShapeException(malformed);
    }
  }

  /** Reads a page already parsed into JSON. */
  public CalBookingsPage fromJson(JsonValue response) {
    if (response instanceof JsonArray bookings) {
      return page(bookings, null, null, null, null);
    }
    if (!(response instanceof JsonObject envelope)) {
      throw new UnsupportedResponseShapeException();
    }
    if (envelope.get("status") instanceof JsonString status
        && "error".equalsIgnoreCase(status.getString())) {
      throw new UnsupportedResponseShapeException();
    }
    if (envelope.get("data") instanceof JsonArray data) {
      JsonObject paginationJson = object(envelope, "pagination");
      Integer total = paginationJson == null ? null : intValue(paginationJson, "totalItems");
      if (total == null) {
        total = firstInt(envelope, "totalCount", "count");
      }
      return page(
          data,
          total,
          paginationJson == null ? null : pagination(paginationJson).orElse(null),
          cursor(envelope, "nextCursor"),
          cursor(envelope, "prevCursor"));
    }
    if (envelope.get("bookings") instanceof JsonArray bookings) {
      JsonObject meta = object(envelope, "meta");
      if (meta == null) {
        return page(bookings, null, null, null, null);
      }
      return page(
          bookings,
          firstInt(meta, "total", "count"),
          null,
          cursor(meta, "nextCursor"),
          cursor(meta, "prevCursor"));
    }
    throw new UnsupportedResponseShapeException();
  }

  private CalBookingsPage page(
      JsonArray items,
      Integer totalItems,
      Pagination pagination,
      String nextCursor,
      String prevCursor) {
    List<Booking> bookings = new ArrayList<>(items.size());
    int skipped = 0;
    for (JsonValue item : items) {
      Optional<Booking> booking =
          item instanceof JsonObject object ? translator.translate(object) : Optional.empty();
      if (booking.isPresent()) {
        bookings.add(booking.get());
      } else {
        skipped++;
      }
    }
    if (skipped > 0) {
      LOG.log(
          Level.WARNING,
          "Skipped {0} of {1} Cal.com bookings without id, uid, start or end",
          new Object[] {skipped, items.size()});
    }
    return new CalBookingsPage(bookings, skipped, totalItems, pagination, nextCursor, prevCursor);
  }

  /** Cal.com's pagination object, only when every member is there with the right type. */
  private static Optional<Pagination> pagination(JsonObject json) {
    Integer totalItems = intValue(json, "totalItems");
    Integer remainingItems = intValue(json, "remainingItems");
    Integer returnedItems = intValue(json, "returnedItems");
    Integer itemsPerPage = intValue(json, "itemsPerPage");
    Integer currentPage = intValue(json, "currentPage");
    Integer totalPages = intValue(json, "totalPages");
    Boolean hasNextPage = bool(json, "hasNextPage");
    Boolean hasPreviousPage = bool(json, "hasPreviousPage");
    if (totalItems == null
        || remainingItems == null
        || returnedItems == null
        || itemsPerPage == null
        || currentPage == null
        || totalPages == null
        || hasNextPage == null
        || hasPreviousPage == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Pagination(
            totalItems,
            remainingItems,
            returnedItems,
            itemsPerPage,
            currentPage,
            totalPages,
            hasNextPage,
            hasPreviousPage));
  }

  private static Integer firstInt(JsonObject json, String name, String alternative) {
    Integer value = intValue(json, name);
    return value != null ? value : intValue(json, alternative);
  }

  /** A cursor is opaque: a string, or a number taken as its text; null or missing is none. */
  private static String cursor(JsonObject json, String name) {
    JsonValue value = json.get(name);
    if (value instanceof JsonString string) {
      return string.getString();
    }
    return value instanceof JsonNumber number ? number.toString() : null;
  }
}
