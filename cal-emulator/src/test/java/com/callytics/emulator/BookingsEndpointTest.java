package com.callytics.emulator;

import static com.callytics.emulator.TestSupport.CLIENT_ID;
import static com.callytics.emulator.TestSupport.CLIENT_SECRET;
import static com.callytics.emulator.TestSupport.get;
import static com.callytics.emulator.TestSupport.getWithToken;
import static com.callytics.emulator.TestSupport.json;
import static com.callytics.emulator.TestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callytics.emulator.CalEmulator.Shape;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingsEndpointTest {
  private CalEmulator emulator;
  private String accessToken;

  @BeforeEach
  void start() {
    emulator = CalEmulator.start(0).registerClient(CLIENT_ID, CLIENT_SECRET);
    accessToken = TestSupport.signIn(emulator).getString("access_token");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private HttpResponse<String> raw(String query) {
    return getWithToken(emulator.baseUrl() + "/v2/bookings" + query, accessToken);
  }

  private JsonObject page(String query) {
    HttpResponse<String> response = raw(query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  /** All bookings matching the query, walking the pages. */
  private List<JsonObject> all(String filter) {
    List<JsonObject> out = new ArrayList<>();
    for (int skip = 0; ; skip += 250) {
      JsonObject page = page("?take=250&skip=" + skip + filter);
      page.getJsonArray("data").forEach(v -> out.add(v.asJsonObject()));
      if (!page.getJsonObject("pagination").getBoolean("hasNextPage")) {
        return out;
      }
    }
  }

  private static List<String> uids(List<JsonObject> bookings) {
    return bookings.stream().map(b -> b.getString("uid")).collect(Collectors.toList());
  }

  private static Instant at(JsonObject booking, String field) {
    return Instant.parse(booking.getString(field));
  }

  private static long count(List<JsonObject> bookings, Predicate<JsonObject> p) {
    return bookings.stream().filter(p).count();
  }

  @Test
  void theDefaultUserHasFortyBookingsAndTakeSkipPagesCoverThemAll() {
    Set<String> seen = new HashSet<>();
    List<String> inOrder = new ArrayList<>();
    for (int skip = 0; skip < 40; skip += 7) {
      JsonObject page = page("?take=7&skip=" + skip);
      JsonObject pagination = page.getJsonObject("pagination");
      int expected = Math.min(7, 40 - skip);
      assertThat(page.getJsonArray("data")).hasSize(expected);
      assertThat(pagination.getInt("totalItems")).isEqualTo(40);
      assertThat(pagination.getInt("returnedItems")).isEqualTo(expected);
      assertThat(pagination.getInt("remainingItems")).isEqualTo(40 - skip - expected);
      assertThat(pagination.getInt("itemsPerPage")).isEqualTo(7);
      assertThat(pagination.getInt("currentPage")).isEqualTo(skip / 7 + 1);
      assertThat(pagination.getInt("totalPages")).isEqualTo(6);
      assertThat(pagination.getBoolean("hasNextPage")).isEqualTo(skip + 7 < 40);
      assertThat(pagination.getBoolean("hasPreviousPage")).isEqualTo(skip > 0);
      for (JsonValue v : page.getJsonArray("data")) {
        assertThat(seen.add(v.asJsonObject().getString("uid"))).isTrue();
        inOrder.add(v.asJsonObject().getString("uid"));
      }
    }

    assertThat(seen).hasSize(40);
    assertThat(inOrder).containsExactlyElementsOf(emulator.bookingUpdatedAt(1001).keySet());
    assertThat(emulator.bookingCount(1001)).isEqualTo(40);
    JsonObject beyond = page("?take=10&skip=40");
    assertThat(beyond.getJsonArray("data")).isEmpty();
    assertThat(beyond.getJsonObject("pagination").getBoolean("hasNextPage")).isFalse();
  }

  @Test
  void defaultsAreTake100AndStartAscending() {
    JsonObject page = page("");

    List<JsonObject> data = page.getJsonArray("data").getValuesAs(JsonObject.class);
    assertThat(data).hasSize(40);
    assertThat(page.getJsonObject("pagination").getInt("itemsPerPage")).isEqualTo(100);
    assertThat(data.stream().map(b -> at(b, "start")).collect(Collectors.toList())).isSorted();
  }

  @Test
  void standardShapeIsCalComsEnvelope() {
    JsonObject page = page("?take=5");

    assertThat(page.keySet()).containsExactly("status", "data", "pagination", "error");
    assertThat(page.getString("status")).isEqualTo("success");
    assertThat(page.isNull("error")).isTrue();
    assertThat(page.getJsonObject("pagination").keySet())
        .containsExactly(
            "totalItems",
            "remainingItems",
            "returnedItems",
            "itemsPerPage",
            "currentPage",
            "totalPages",
            "hasNextPage",
            "hasPreviousPage");
  }

  @Test
  void bareArrayShape() {
    emulator.bookingsShape(Shape.BARE_ARRAY);

    JsonArray array = (JsonArray) parse(raw("?take=12&skip=30").body());

    assertThat(array).hasSize(10);
    assertThat(array.getJsonObject(0).getString("uid"))
        .isEqualTo(new ArrayList<>(emulator.bookingUpdatedAt(1001).keySet()).get(30));
  }

  @Test
  void dataCursorShapeChainsSkipsAsCursors() {
    emulator.bookingsShape(Shape.DATA_CURSOR);
    List<String> uids = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    String cursor = "0";
    while (cursor != null) {
      JsonObject page = json(raw("?take=15&skip=" + cursor));
      assertThat(page.keySet()).containsExactly("data", "totalCount", "nextCursor", "prevCursor");
      assertThat(page.getInt("totalCount")).isEqualTo(40);
      page.getJsonArray("data").forEach(v -> uids.add(v.asJsonObject().getString("uid")));
      cursors.add(page.isNull("prevCursor") ? "null" : page.get("prevCursor").toString());
      cursor = page.isNull("nextCursor") ? null : page.get("nextCursor").toString();
    }

    assertThat(uids).containsExactlyElementsOf(emulator.bookingUpdatedAt(1001).keySet());
    assertThat(cursors).containsExactly("null", "0", "15");
  }

  @Test
  void bookingsMetaShape() {
    emulator.bookingsShape(Shape.BOOKINGS_META);

    JsonObject first = json(raw("?take=25"));
    JsonObject last = json(raw("?take=25&skip=25"));

    assertThat(first.keySet()).containsExactly("bookings", "meta");
    assertThat(first.getJsonArray("bookings")).hasSize(25);
    assertThat(first.getJsonObject("meta").getInt("total")).isEqualTo(40);
    assertThat(first.getJsonObject("meta").getInt("nextCursor")).isEqualTo(25);
    assertThat(first.getJsonObject("meta").isNull("prevCursor")).isTrue();
    assertThat(last.getJsonArray("bookings")).hasSize(15);
    assertThat(last.getJsonObject("meta").isNull("nextCursor")).isTrue();
    assertThat(last.getJsonObject("meta").getInt("prevCursor")).isZero();
  }

  @Test
  void eachBookingHasExactlyCalComsFieldsWithMillisecondUtcInstants() {
    JsonObject booking = page("?take=1").getJsonArray("data").getJsonObject(0);

    assertThat(booking.keySet())
        .containsExactly(
            "id",
            "uid",
            "title",
            "description",
            "hosts",
            "status",
            "cancellationReason",
            "cancelledByEmail",
            "reschedulingReason",
            "rescheduledByEmail",
            "rescheduledFromUid",
            "rescheduledToUid",
            "start",
            "end",
            "duration",
            "eventTypeId",
            "eventType",
            "meetingUrl",
            "location",
            "absentHost",
            "createdAt",
            "updatedAt",
            "metadata",
            "rating",
            "icsUid",
            "attendees",
            "guests",
            "bookingFieldsResponses");
    for (String field : List.of("start", "end", "createdAt", "updatedAt")) {
      assertThat(booking.getString(field))
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }
    assertThat(booking.get("id").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
    assertThat(booking.getJsonObject("eventType").keySet()).containsExactly("id", "slug");
    assertThat(booking.getJsonArray("attendees").getJsonObject(0).keySet())
        .containsExactly("name", "email", "timeZone", "language", "absent", "phoneNumber");
    assertThat(booking.getJsonArray("hosts").getJsonObject(0).keySet())
        .containsExactly("id", "name", "email", "username", "timeZone");
    assertThat(booking.getJsonObject("metadata")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "?take=251",
        "?take=0",
        "?take=abc",
        "?skip=-1",
        "?status=weird",
        "?afterStart=yesterday",
        "?sortStart=up",
        "?eventTypeIds=1,x"
      })
  void invalidParametersAre400(String query) {
    HttpResponse<String> response = raw(query);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).getString("status")).isEqualTo("error");
    assertThat(json(response).getJsonObject("error").getString("code")).isEqualTo("BAD_REQUEST");
  }

  @Test
  void take250IsAllowedAndTeamIdsAreAccepted() {
    assertThat(raw("?take=250&teamIds=1,2&teamId=3").statusCode()).isEqualTo(200);
  }

  @Test
  void withoutAValidAccessTokenIt401s() {
    HttpResponse<String> none = get(emulator.baseUrl() + "/v2/bookings");
    emulator.expireAccessTokens(1001);
    HttpResponse<String> expired = raw("");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(json(expired).getJsonObject("error").getString("code")).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void statusFiltersPartitionTheBookings() {
    Instant now = Instant.now();
    emulator.clock(new TestSupport.MutableClock(now)).setBookingCount(1001, 800);

    List<JsonObject> everything = all("");
    List<JsonObject> upcoming = all("&status=upcoming");
    List<JsonObject> past = all("&status=past");
    List<JsonObject> cancelled = all("&status=cancelled");
    List<JsonObject> unconfirmed = all("&status=unconfirmed");
    List<JsonObject> recurring = all("&status=recurring");
    List<JsonObject> pastOrUpcoming = all("&status=past,upcoming");
    List<JsonObject> repeated = all("&status=past&status=upcoming");

    assertThat(everything).hasSize(800);
    assertThat(upcoming.size() + past.size() + cancelled.size()).isEqualTo(800);
    assertThat(upcoming)
        .isNotEmpty()
        .allSatisfy(
            b -> {
              assertThat(at(b, "end")).isAfter(now);
              assertThat(b.getString("status")).isIn("accepted", "pending");
            });
    assertThat(past)
        .isNotEmpty()
        .allSatisfy(
            b -> {
              assertThat(at(b, "end")).isBeforeOrEqualTo(now);
              assertThat(b.getString("status")).isIn("accepted", "pending");
            });
    assertThat(cancelled)
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.getString("status")).isIn("cancelled", "rejected"));
    assertThat(unconfirmed)
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.getString("status")).isEqualTo("pending"));
    assertThat(recurring).isEmpty();
    assertThat(pastOrUpcoming).hasSize(past.size() + upcoming.size());
    assertThat(uids(repeated)).containsExactlyElementsOf(uids(pastOrUpcoming));
    assertThat(all("&status=accepted"))
        .hasSize((int) count(everything, b -> b.getString("status").equals("accepted")));
    assertThat(all("&status=rejected"))
        .hasSize((int) count(everything, b -> b.getString("status").equals("rejected")));
  }

  @Test
  void attendeeFilters() {
    emulator.setBookingCount(1001, 600);
    List<JsonObject> everything = emulator.bookings(1001);
    JsonObject attendee = everything.get(17).getJsonArray("attendees").getJsonObject(0);
    String email = attendee.getString("email");
    String namePart = attendee.getString("name").substring(1, 5).toUpperCase(Locale.ROOT);

    List<JsonObject> byEmail = all("&attendeeEmail=" + TestSupport.enc(email.toUpperCase()));
    List<JsonObject> byName = all("&attendeeName=" + TestSupport.enc(namePart));

    Predicate<JsonObject> hasEmail =
        b ->
            b.getJsonArray("attendees").getValuesAs(JsonObject.class).stream()
                .anyMatch(a -> a.getString("email").equals(email));
    Predicate<JsonObject> hasName =
        b ->
            b.getJsonArray("attendees").getValuesAs(JsonObject.class).stream()
                .anyMatch(
                    a ->
                        a.getString("name")
                            .toLowerCase(Locale.ROOT)
                            .contains(namePart.toLowerCase(Locale.ROOT)));
    assertThat(byEmail).isNotEmpty().allMatch(hasEmail);
    assertThat(byEmail).hasSize((int) count(everything, hasEmail));
    assertThat(byName).isNotEmpty().allMatch(hasName);
    assertThat(byName).hasSize((int) count(everything, hasName));
  }

  @Test
  void uidAndEventTypeFilters() {
    emulator.setBookingCount(1001, 300);
    List<JsonObject> everything = emulator.bookings(1001);
    String uid = everything.get(123).getString("uid");
    long typeA = everything.get(0).getJsonNumber("eventTypeId").longValue();
    long typeB =
        everything.stream()
            .mapToLong(b -> b.getJsonNumber("eventTypeId").longValue())
            .filter(id -> id != typeA)
            .findFirst()
            .orElseThrow();

    List<JsonObject> byUid = all("&bookingUid=" + uid);
    List<JsonObject> byTypes = all("&eventTypeIds=" + typeA + "," + typeB);
    List<JsonObject> bySingleType = all("&eventTypeId=" + typeA);

    assertThat(uids(byUid)).containsExactly(uid);
    Predicate<JsonObject> isAorB =
        b -> Set.of(typeA, typeB).contains(b.getJsonNumber("eventTypeId").longValue());
    assertThat(byTypes).allMatch(isAorB).hasSize((int) count(everything, isAorB));
    assertThat(bySingleType)
        .allMatch(b -> b.getJsonObject("eventType").getJsonNumber("id").longValue() == typeA);
    assertThat(everything.stream().map(b -> b.getJsonObject("eventType").getString("slug")))
        .hasSizeGreaterThan(0)
        .doesNotContainNull();
  }

  @Test
  void dateFiltersAreInclusive() {
    emulator.setBookingCount(1001, 400);
    List<JsonObject> everything = emulator.bookings(1001);
    JsonObject pivot = everything.get(200);
    String start = pivot.getString("start");
    String end = pivot.getString("end");
    String created = pivot.getString("createdAt");
    String updated = pivot.getString("updatedAt");

    List<JsonObject> afterStart = all("&afterStart=" + start);
    List<JsonObject> beforeEnd = all("&beforeEnd=" + end);
    List<JsonObject> createdWindow =
        all("&afterCreatedAt=" + created + "&beforeCreatedAt=" + created);
    List<JsonObject> beforeUpdated = all("&beforeUpdatedAt=" + updated);
    List<JsonObject> afterUpdated = all("&afterUpdatedAt=" + updated);

    Instant s = Instant.parse(start);
    Instant e = Instant.parse(end);
    Instant u = Instant.parse(updated);
    assertThat(uids(afterStart)).contains(pivot.getString("uid"));
    assertThat(afterStart)
        .allMatch(b -> !at(b, "start").isBefore(s))
        .hasSize((int) count(everything, b -> !at(b, "start").isBefore(s)));
    assertThat(uids(beforeEnd)).contains(pivot.getString("uid"));
    assertThat(beforeEnd)
        .allMatch(b -> !at(b, "end").isAfter(e))
        .hasSize((int) count(everything, b -> !at(b, "end").isAfter(e)));
    assertThat(createdWindow).allMatch(b -> b.getString("createdAt").equals(created));
    assertThat(uids(createdWindow)).contains(pivot.getString("uid"));
    assertThat(beforeUpdated.size() + afterUpdated.size())
        .isEqualTo(400 + (int) count(everything, b -> at(b, "updatedAt").equals(u)));
  }

  @Test
  void sortsWorkAcrossPages() {
    emulator.setBookingCount(1001, 520);

    List<Instant> startDesc =
        all("&sortStart=desc").stream().map(b -> at(b, "start")).collect(Collectors.toList());
    List<Instant> endAsc =
        all("&sortEnd=asc").stream().map(b -> at(b, "end")).collect(Collectors.toList());
    List<JsonObject> createdAsc = all("&sortCreated=asc");
    List<Instant> updatedDesc =
        all("&sortUpdatedAt=desc").stream()
            .map(b -> at(b, "updatedAt"))
            .collect(Collectors.toList());

    assertThat(startDesc).hasSize(520).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(endAsc).hasSize(520).isSorted();
    assertThat(createdAsc.stream().map(b -> at(b, "createdAt")).collect(Collectors.toList()))
        .isSorted();
    assertThat(new HashSet<>(uids(createdAsc))).hasSize(520);
    assertThat(updatedDesc).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void theDataIsDeterministic() {
    emulator.setBookingCount(1001, 250);
    String firstBody = raw("?take=250").body();
    List<JsonObject> firstSnapshot = emulator.bookings(1001);

    emulator.setBookingCount(1001, 250);
    String regenerated = raw("?take=250").body();
    try (CalEmulator other = CalEmulator.start(0)) {
      other.setBookingCount(1001, 250);
      assertThat(other.bookings(1001)).isEqualTo(firstSnapshot);
    }
    emulator.addUser(2002, "bob", "bob@example.com", "Bob Builder");

    assertThat(regenerated).isEqualTo(firstBody);
    assertThat(emulator.bookings(2002)).hasSize(40);
    assertThat(uids(emulator.bookings(2002))).doesNotContainAnyElementsOf(uids(firstSnapshot));
  }

  @Test
  void changedBookingsAreExactlyTheOnesUpdatedAfterTheChange() {
    emulator.setBookingCount(1001, 500);
    assertThat(emulator.bookingCount(1001)).isEqualTo(500);
    Instant before = Instant.now();

    List<String> changed = emulator.changeBookings(1001, 7);

    List<JsonObject> updated = all("&afterUpdatedAt=" + before);
    assertThat(changed).hasSize(7).doesNotHaveDuplicates();
    assertThat(uids(updated)).containsExactlyInAnyOrderElementsOf(changed);
    assertThat(updated)
        .allSatisfy(
            b -> {
              assertThat(b.getString("status")).isEqualTo("cancelled");
              assertThat(b.getString("cancellationReason")).isNotBlank();
              assertThat(at(b, "updatedAt")).isAfterOrEqualTo(before);
            });
    Map<String, Instant> updatedAt = emulator.bookingUpdatedAt(1001);
    assertThat(updatedAt).hasSize(500);
    assertThat(updatedAt.entrySet().stream().filter(e -> !e.getValue().isBefore(before)))
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrderElementsOf(changed);
    assertThat(page("?sortUpdatedAt=desc&take=7").getJsonArray("data"))
        .extracting(b -> b.asJsonObject().getString("uid"))
        .containsExactlyInAnyOrderElementsOf(changed);
  }

  @Test
  void aHundredThousandBookingUserCanBePaged() {
    emulator
        .addUser(3003, "carol", "carol@example.com", "Carol Big")
        .setBookingCount(3003, 100_000);
    emulator.signInAs(3003);
    String token = TestSupport.signIn(emulator).getString("access_token");

    long started = System.nanoTime();
    HttpResponse<String> response =
        getWithToken(emulator.baseUrl() + "/v2/bookings?take=100&skip=50000", token);
    Duration firstPage = Duration.ofNanos(System.nanoTime() - started);

    JsonObject page = json(response);
    assertThat(page.getJsonArray("data")).hasSize(100);
    assertThat(page.getJsonObject("pagination").getInt("totalItems")).isEqualTo(100_000);
    assertThat(page.getJsonObject("pagination").getInt("currentPage")).isEqualTo(501);
    assertThat(emulator.bookingCount(3003)).isEqualTo(100_000);
    assertThat(firstPage).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void bookingCountsAreBounded() {
    assertThatThrownBy(() -> emulator.setBookingCount(1001, 100_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.setBookingCount(4242, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUserWithNoBookingsGetsAnEmptyPage() {
    emulator.setBookingCount(1001, 0);

    JsonObject page = page("");

    assertThat(page.getJsonArray("data")).isEmpty();
    assertThat(page.getJsonObject("pagination").getInt("totalItems")).isZero();
    assertThat(page.getJsonObject("pagination").getInt("totalPages")).isZero();
  }
}
