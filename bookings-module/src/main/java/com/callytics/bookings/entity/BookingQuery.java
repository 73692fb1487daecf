package com.callytics.bookings.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The validated query of the bookings endpoints ({@code GET /api/cal/bookings} and {@code GET
 * /api/bookings}): which bookings, in which order, which page. Immutable; build it with {@link
 * #parse(Map)} from the raw query parameters, or start from {@link #empty()}.
 *
 * <p>Values are kept normalised: statuses de-duplicated in the order given, id lists without
 * blanks, date-times as UTC instants (a plain {@code yyyy-MM-dd} date means midnight UTC, a
 * date-time without offset is read as UTC).
 */
public final class BookingQuery {

  /** The largest page a caller may ask for. */
  public static final int MAX_TAKE = 500;

  /** The booking statuses a query may filter on, as Cal.com names them. */
  public static final List<String> STATUSES =
      List.of(
          "upcoming",
          "recurring",
          "past",
          "cancelled",
          "unconfirmed",
          "accepted",
          "pending",
          "rejected",
          "completed");

  static final String UNKNOWN_PARAMETER = "unknown parameter";
  static final String GIVEN_MORE_THAN_ONCE = "must be given only once";

  private static final Pattern EMAIL =
      Pattern.compile(
          "[^\\s@,;<>()\\[\\]\"]+@[^\\s@,;<>()\\[\\]\".]+(\\.[^\\s@,;<>()\\[\\]\".]+)+");
  private static final int MAX_EMAIL_LENGTH = 254;
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");

  private static final BookingQuery EMPTY = new BookingQuery(new EnumMap<>(Parameter.class));

  /** Sort direction of one sort key. */
  public enum SortOrder {
    ASC,
    DESC;

    /** {@code asc} or {@code desc}, as written in a query string. */
    public String queryValue() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SortOrder> fromQueryValue(String value) {
      return Arrays.stream(values()).filter(o -> o.queryValue().equals(value)).findFirst();
    }
  }

  private enum Kind {
    STATUSES,
    EMAIL,
    TEXT,
    TEXT_LIST,
    DATE_TIME,
    SORT,
    TAKE,
    SKIP
  }

  /** Our parameter names, in the order errors are reported; with the names Cal.com expects. */
  private enum Parameter {
    STATUS("status", Kind.STATUSES),
    ATTENDEE_EMAIL("attendeeEmail", Kind.EMAIL),
    ATTENDEE_NAME("attendeeName", Kind.TEXT),
    BOOKING_UID("bookingUid", Kind.TEXT),
    EVENT_TYPE_IDS("eventTypeIds", Kind.TEXT_LIST),
    EVENT_TYPE_ID("eventTypeId", Kind.TEXT),
    // Cal.com's v2 API spells this one "teamsIds".
    TEAM_IDS("teamIds", "teamsIds", Kind.TEXT_LIST),
    TEAM_ID("teamId", Kind.TEXT),
    AFTER_START("afterStart", Kind.DATE_TIME),
    BEFORE_END("beforeEnd", Kind.DATE_TIME),
    AFTER_CREATED_AT("afterCreatedAt", Kind.DATE_TIME),
    BEFORE_CREATED_AT("beforeCreatedAt", Kind.DATE_TIME),
    AFTER_UPDATED_AT("afterUpdatedAt", Kind.DATE_TIME),
    BEFORE_UPDATED_AT("beforeUpdatedAt", Kind.DATE_TIME),
    SORT_START("sortStart", Kind.SORT),
    SORT_END("sortEnd", Kind.SORT),
    SORT_CREATED("sortCreated", Kind.SORT),
    SORT_UPDATED_AT("sortUpdatedAt", Kind.SORT),
    TAKE("take", Kind.TAKE),
    SKIP("skip", Kind.SKIP);

    private static final Map<String, Parameter> BY_NAME =
        Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(p -> p.queryName, Function.identity()));

    final String queryName;
    final String calName;
    final Kind kind;

    Parameter(String queryName, Kind kind) {
      this(queryName, queryName, kind);
    }

    Parameter(String queryName, String calName, Kind kind) {
      this.queryName = queryName;
      this.calName = calName;
      this.kind = kind;
    }
  }

  /** Normalised value per parameter; absent parameters have no entry. */
  private final Map<Parameter, String> values;

  private BookingQuery(EnumMap<Parameter, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** A query without any filter, sort or paging. */
  public static BookingQuery empty() {
    return EMPTY;
  }

  /**
   * Validates raw query parameters (a JAX-RS {@code MultivaluedMap} will do).
   *
   * @throws InvalidBookingQueryException naming every unknown parameter and every invalid value
   */
  public static BookingQuery parse(Map<String, List<String>> rawQueryParameters) {
    Objects.requireNonNull(rawQueryParameters, "rawQueryParameters");
    EnumMap<Parameter, List<String>> given = new EnumMap<>(Parameter.class);
    SortedSet<String> unknown = new TreeSet<>();
    rawQueryParameters.forEach(
        (name, rawValues) -> {
          Parameter parameter = name == null ? null : Parameter.BY_NAME.get(name);
          if (parameter == null) {
            unknown.add(String.valueOf(name));
            return;
          }
          List<String> nonBlank = nonBlank(rawValues);
          if (!nonBlank.isEmpty()) {
            given.put(parameter, nonBlank);
          }
        });

    EnumMap<Parameter, String> normalised = new EnumMap<>(Parameter.class);
    Map<String, String> errors = new LinkedHashMap<>();
    given.forEach(
        (parameter, parameterValues) -> {
          try {
            normalise(parameter.kind, parameterValues)
                .ifPresent(value -> normalised.put(parameter, value));
          } catch (InvalidValue e) {
            errors.put(parameter.queryName, e.getMessage());
          }
        });
    unknown.forEach(name -> errors.put(name, UNKNOWN_PARAMETER));
    if (!errors.isEmpty()) {
      throw new InvalidBookingQueryException(errors);
    }
    return new BookingQuery(normalised);
  }

  /**
   * The query as Cal.com's {@code GET /v2/bookings} expects it: one value per parameter, statuses
   * and id lists joined by commas, date-times as ISO-8601 UTC instants, sorts as asc/desc.
   */
  public Map<String, List<String>> toCalParameters() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    values.forEach((parameter, value) -> parameters.put(parameter.calName, List.of(value)));
    return Collections.unmodifiableMap(parameters);
  }

  /** True when the query has no filter, sort or paging at all. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The statuses to filter on, in the order given; empty for any status. */
  public List<String> statuses() {
    return splitList(Parameter.STATUS);
  }

  public Optional<String> attendeeEmail() {
    return text(Parameter.ATTENDEE_EMAIL);
  }

  public Optional<String> attendeeName() {
    return text(Parameter.ATTENDEE_NAME);
  }

  public Optional<String> bookingUid() {
    return text(Parameter.BOOKING_UID);
  }

  /** The event type ids of {@code eventTypeIds}; empty when not given. */
  public List<String> eventTypeIds() {
    return splitList(Parameter.EVENT_TYPE_IDS);
  }

  public Optional<String> eventTypeId() {
    return text(Parameter.EVENT_TYPE_ID);
  }

  /** The team ids of {@code teamIds}; empty when not given. */
  public List<String> teamIds() {
    return splitList(Parameter.TEAM_IDS);
  }

  public Optional<String> teamId() {
    return text(Parameter.TEAM_ID);
  }

  public Optional<Instant> afterStart() {
    return instant(Parameter.AFTER_START);
  }

  public Optional<Instant> beforeEnd() {
    return instant(Parameter.BEFORE_END);
  }

  public Optional<Instant> afterCreatedAt() {
    return instant(Parameter.AFTER_CREATED_AT);
  }

  public Optional<Instant> beforeCreatedAt() {
    return instant(Parameter.BEFORE_CREATED_AT);
  }

  public Optional<Instant> afterUpdatedAt() {
    return instant(Parameter.AFTER_UPDATED_AT);
  }

  public Optional<Instant> beforeUpdatedAt() {
    return instant(Parameter.BEFORE_UPDATED_AT);
  }

  public Optional<SortOrder> sortStart() {
    return sort(Parameter.SORT_START);
  }

  public Optional<SortOrder> sortEnd() {
    return sort(Parameter.SORT_END);
  }

  public Optional<SortOrder> sortCreated() {
    return sort(Parameter.SORT_CREATED);
  }

  public Optional<SortOrder> sortUpdatedAt() {
    return sort(Parameter.SORT_UPDATED_AT);
  }

  /** The page size asked for, 1 to {@value #MAX_TAKE}. */
  public OptionalInt take() {
    return integer(Parameter.TAKE);
  }

  /** How many bookings to skip before the page, 0 or more. */
  public OptionalInt skip() {
    return integer(Parameter.SKIP);
  }

  /** This query with another page size. */
  public BookingQuery withTake(int take) {
    if (take < 1 || take > MAX_TAKE) {
      throw new IllegalArgumentException("take must be between 1 and " + MAX_TAKE + ": " + take);
    }
    return with(Parameter.TAKE, Integer.toString(take));
  }

  /** This query starting at another offset. */
  public BookingQuery withSkip(int skip) {
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative: " + skip);
    }
    return with(Parameter.SKIP, Integer.toString(skip));
  }

  /** This query restricted to bookings updated after the given instant. */
  public BookingQuery withAfterUpdatedAt(Instant afterUpdatedAt) {
    return with(
        Parameter.AFTER_UPDATED_AT,
        Objects.requireNonNull(afterUpdatedAt, "afterUpdatedAt").toString());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BookingQuery query && values.equals(query.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "BookingQuery" + toCalParameters();
  }

  private BookingQuery with(Parameter parameter, String value) {
    EnumMap<Parameter, String> copy = new EnumMap<>(Parameter.class);
    copy.putAll(values);
    copy.put(parameter, value);
    return new BookingQuery(copy);
  }

  private Optional<String> text(Parameter parameter) {
    return Optional.ofNullable(values.get(parameter));
  }

  private List<String> splitList(Parameter parameter) {
    return text(parameter).map(value -> List.of(value.split(","))).orElse(List.of());
  }

  private Optional<Instant> instant(Parameter parameter) {
    return text(parameter).map(Instant::parse);
  }

  private Optional<SortOrder> sort(Parameter parameter) {
    return text(parameter).flatMap(SortOrder::fromQueryValue);
  }

  private OptionalInt integer(Parameter parameter) {
    String value = values.get(parameter);
    return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
  }

  // --- validation ---

  /** Thrown inside parsing only; becomes one entry of the error map. */
  private static final class InvalidValue extends Exception {
    InvalidValue(String message) {
      super(message, null, false, false);
    }
  }

  private static List<String> nonBlank(List<String> rawValues) {
    if (rawValues == null) {
      return List.of();
    }
    List<String> nonBlank = new ArrayList<>();
    for (String value : rawValues) {
      if (value != null && !value.isBlank()) {
        nonBlank.add(value.strip());
      }
    }
    return nonBlank;
  }

  /** The normalised value, or empty when the values amount to nothing (e.g. only commas). */
  private static Optional<String> normalise(Kind kind, List<String> values) throws InvalidValue {
    switch (kind) {
      case STATUSES:
        return normaliseStatuses(values);
      case TEXT_LIST:
        return joinNonBlank(values);
      default:
        break;
    }
    if (values.size() > 1) {
      throw new InvalidValue(GIVEN_MORE_THAN_ONCE);
    }
    String value = values.get(0);
    switch (kind) {
      case EMAIL:
        return Optional.of(normaliseEmail(value));
      case TEXT:
        return Optional.of(value);
      case DATE_TIME:
        return Optional.of(normaliseDateTime(value).toString());
      case SORT:
        return Optional.of(
            SortOrder.fromQueryValue(value)
                .orElseThrow(() -> new InvalidValue("must be asc or desc"))
                .queryValue());
      case TAKE:
        return Optional.of(
            Integer.toString(
                boundedInteger(
                    value, 1, MAX_TAKE, "must be an integer between 1 and " + MAX_TAKE)));
      case SKIP:
        return Optional.of(
            Integer.toString(
                boundedInteger(
                    value, 0, Integer.MAX_VALUE, "must be an integer greater than or equal to 0")));
      default:
        throw new IllegalStateException("unhandled kind " + kind);
    }
  }

  private static Optional<String> normaliseStatuses(List<String> values) throws InvalidValue {
    Set<String> statuses = new LinkedHashSet<>();
    Set<String> invalid = new LinkedHashSet<>();
    for (String item : splitCommas(values)) {
      if (STATUSES.contains(item)) {
        statuses.add(item);
      } else {
        invalid.add(item);
      }
    }
    if (!invalid.isEmpty()) {
      throw new InvalidValue(
          "unknown status "
              + String.join(", ", invalid)
              + "; must be one of "
              + String.join(", ", STATUSES));
    }
    return statuses.isEmpty() ? Optional.empty() : Optional.of(String.join(",", statuses));
  }

  private static Optional<String> joinNonBlank(List<String> values) {
    List<String> items = splitCommas(values);
    return items.isEmpty() ? Optional.empty() : Optional.of(String.join(",", items));
  }

  private static List<String> splitCommas(List<String> values) {
    List<String> items = new ArrayList<>();
    for (String value : values) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
    }
    return items;
  }

  private static String normaliseEmail(String value) throws InvalidValue {
    if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
      throw new InvalidValue("must be a valid email address");
    }
    return value;
  }

  private static Instant normaliseDateTime(String value) throws InvalidValue {
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              value, ZonedDateTime::from, LocalDateTime::from);
      if (parsed instanceof ZonedDateTime zoned) {
        return zoned.toInstant();
      }
      return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
      } catch (DateTimeParseException notDate) {
        throw new InvalidValue("must be an ISO 8601 date-time or a yyyy-MM-dd date");
      }
    }
  }

  private static int boundedInteger(String value, int min, int max, String message)
      throws InvalidValue {
    if (!INTEGER.matcher(value).matches()) {
      throw new InvalidValue(message);
    }
    long number = Long.parseLong(value);
    if (number < min || number > max) {
      throw new InvalidValue(message);
    }
    return (int) number;
  }
}
