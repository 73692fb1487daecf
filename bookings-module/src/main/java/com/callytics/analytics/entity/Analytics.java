package com.callytics.analytics.entity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The analytics of a user's bookings over a range: what the dashboard shows. Immutable. Counts and
 * sums of no bookings are 0; "which one" answers (most common duration, peak period, most used
 * platform, most active host) are {@code null} when there is nothing to pick from.
 *
 * @param request what was asked for
 * @param overview headline KPIs and their change against the previous period
 * @param recent the most recent bookings with full detail, newest first
 * @param timeOfDay bookings by part of the day (local hour)
 * @param byHour 24 counts, index = local hour
 * @param heatmap 7 rows (Monday = 0 .. Sunday = 6) of 24 counts (local hour)
 * @param statusDistribution count and share per status, most frequent first
 * @param durations counts per meeting duration
 * @param timeline bookings per day, week or month
 * @param platforms bookings per video platform
 * @param hosts bookings per host
 * @param insights Cal.com Insights figures
 * @param leadTime how long before the meeting bookings are made
 */
public record Analytics(
    AnalyticsRequest request,
    Overview overview,
    List<RecentBooking> recent,
    TimeOfDay timeOfDay,
    List<Integer> byHour,
    List<List<Integer>> heatmap,
    List<StatusShare> statusDistribution,
    Durations durations,
    Timeline timeline,
    Platforms platforms,
    Hosts hosts,
    Insights insights,
    LeadTime leadTime) {

  public Analytics {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(overview, "overview");
    Objects.requireNonNull(timeOfDay, "timeOfDay");
    Objects.requireNonNull(durations, "durations");
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(platforms, "platforms");
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(insights, "insights");
    Objects.requireNonNull(leadTime, "leadTime");
    recent = List.copyOf(recent);
    byHour = List.copyOf(byHour);
    heatmap = heatmap.stream().map(List::copyOf).toList();
    statusDistribution = List.copyOf(statusDistribution);
    if (byHour.size() != 24) {
      throw new IllegalArgumentException("byHour needs 24 values, got " + byHour.size());
    }
    if (heatmap.size() != 7 || heatmap.stream().anyMatch(row -> row.size() != 24)) {
      throw new IllegalArgumentException("heatmap needs 7 rows of 24 values");
    }
  }

  /**
   * Headline KPIs.
   *
   * @param acceptanceRate accepted / total in % (rounded), 0 without bookings
   * @param totalHours hours of meetings neither cancelled nor rejected (1 decimal)
   * @param uniqueParticipants distinct e-mail addresses of hosts and attendees (case-insensitive)
   * @param meetingsThisWeek bookings of the range starting in the current Monday–Sunday week (of
   *     {@code now}, in the zone)
   * @param changes the comparison with the previous period, {@code null} without a range
   */
  public record Overview(
      int total,
      int accepted,
      int cancelled,
      int acceptanceRate,
      double totalHours,
      int uniqueParticipants,
      int meetingsThisWeek,
      Changes changes) {}

  /** Each headline KPI compared with the previous period of equal length. */
  public record Changes(
      Change total,
      Change accepted,
      Change cancelled,
      Change acceptanceRate,
      Change totalHours,
      Change uniqueParticipants) {}

  /**
   * One KPI now and in the previous period.
   *
   * @param change {@code current - previous}
   * @param changePercent the change in % of {@code previous} (rounded), {@code null} when the
   *     previous value is 0
   */
  public record Change(double current, double previous, double change, Integer changePercent) {

    /** Compares {@code current} with {@code previous}. */
    public static Change of(double current, double previous) {
      double change = Math.round((current - previous) * 10) / 10.0;
      Integer percent =
          previous == 0 ? null : (int) Math.round((current - previous) * 100 / previous);
      return new Change(current, previous, change, percent);
    }
  }

  /**
   * A booking as the "recent bookings" list and its detail dialog show it.
   *
   * @param eventType the event type's slug ({@code event-<id>} without slug), {@code null} when the
   *     booking has no event type
   * @param meetingUrl the meeting URL when it is a valid http(s) URL, else {@code null}
   */
  public record RecentBooking(
      String uid,
      String title,
      String status,
      Instant start,
      Instant end,
      int duration,
      String eventType,
      List<Person> hosts,
      List<Guest> attendees,
      String meetingUrl,
      String location,
      Platform platform,
      String cancellationReason,
      String reschedulingReason,
      String rescheduledFromUid,
      String rescheduledToUid,
      Integer rating,
      boolean absentHost) {

    public RecentBooking {
      hosts = List.copyOf(hosts);
      attendees = List.copyOf(attendees);
    }
  }

  /** A host (or the most active host): name and e-mail. */
  public record Person(String name, String email) {}

  /** An attendee; {@code absent} marks a no-show. */
  public record Guest(String name, String email, boolean absent) {}

  /** Bookings by local hour: morning 6–12, afternoon 12–17, evening 17–21, night 21–6. */
  public record TimeOfDay(Share morning, Share afternoon, Share evening, Share night) {}

  /** A count and its share of all bookings in % (rounded). */
  public record Share(int count, int percent) {}

  /** A status, its count and its share of all bookings in % (rounded). */
  public record StatusShare(String status, int count, int percent) {}

  /**
   * Counts per meeting duration.
   *
   * @param byDuration one entry per distinct duration, shortest first
   * @param averageDuration mean duration in minutes (1 decimal), 0 without bookings
   * @param mostCommonDuration the most frequent duration in minutes (ties: the shorter), {@code
   *     null} without bookings
   */
  public record Durations(
      List<DurationStats> byDuration, double averageDuration, Integer mostCommonDuration) {

    public Durations {
      byDuration = List.copyOf(byDuration);
    }
  }

  /** The bookings of one duration (minutes). */
  public record DurationStats(int minutes, int total, int accepted, int cancelled) {}

  /** The unit of the timeline. */
  public enum Granularity {
    DAY,
    WEEK,
    MONTH;

    /** {@code day}, {@code week} or {@code month}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Bookings per period, continuous (empty periods included).
   *
   * @param averagePerMonth bookings per month (1 decimal): with a range, the total over the range's
   *     length in average months (at least one); without, over the months of the timeline
   * @param trend the last period's total minus the first period's total
   * @param peak the period with the most bookings (ties: the earliest), {@code null} when there are
   *     none
   */
  public record Timeline(
      Granularity granularity, List<Period> periods, double averagePerMonth, int trend, Peak peak) {

    public Timeline {
      Objects.requireNonNull(granularity, "granularity");
      periods = List.copyOf(periods);
    }
  }

  /**
   * One period of the timeline.
   *
   * @param label {@code yyyy-MM-dd} for a day, the Monday's {@code yyyy-MM-dd} for a week, {@code
   *     yyyy-MM} for a month
   * @param start the period's first instant in the zone
   */
  public record Period(String label, Instant start, int total, int accepted, int cancelled) {}

  /** The busiest period. */
  public record Peak(String label, int total) {}

  /**
   * Bookings per video platform.
   *
   * @param byPlatform every platform, in {@link Platform} order, zeros included
   * @param mostUsed the platform with most bookings (ties: {@link Platform} order), {@code null}
   *     without bookings
   */
  public record Platforms(List<PlatformShare> byPlatform, Platform mostUsed) {

    public Platforms {
      byPlatform = List.copyOf(byPlatform);
    }
  }

  /** A platform, its count and its share in % (rounded). */
  public record PlatformShare(Platform platform, int count, int percent) {}

  /**
   * Bookings per host.
   *
   * @param top the six hosts with most bookings (ties: by e-mail)
   * @param hostCount distinct hosts
   * @param mostActive the host with most bookings, {@code null} without hosts
   * @param totalHostHours the hours of all hosts together (1 decimal)
   */
  public record Hosts(
      List<HostStats> top, int hostCount, Person mostActive, double totalHostHours) {

    public Hosts {
      top = List.copyOf(top);
    }
  }

  /**
   * One host's figures.
   *
   * @param email lower-cased
   * @param hours hours of this host's meetings neither cancelled nor rejected (1 decimal)
   * @param successRate accepted / total in % (rounded)
   */
  public record HostStats(
      String name,
      String email,
      int total,
      int accepted,
      int cancelled,
      double hours,
      int successRate) {}

  /**
   * Figures as Cal.com Insights shows them.
   *
   * @param completed accepted bookings that have ended
   * @param upcoming bookings that have not started and are neither cancelled nor rejected
   * @param rescheduled cancelled bookings moved elsewhere plus bookings moved here
   * @param hostNoShows bookings the host missed
   * @param guestNoShows attendees who missed their booking
   * @param bookingsWithGuestNoShows bookings with at least one absent attendee
   * @param averageRating mean rating (1 decimal), {@code null} without ratings
   * @param csat share of ratings above 3 in % (rounded), {@code null} without ratings
   * @param topEventTypes the ten most booked event types
   * @param topCancellationReasons the five most frequent cancellation reasons
   */
  public record Insights(
      int completed,
      int upcoming,
      int rescheduled,
      int hostNoShows,
      int guestNoShows,
      int bookingsWithGuestNoShows,
      Double averageRating,
      int ratingsCount,
      Integer csat,
      List<EventTypeStats> topEventTypes,
      List<ReasonCount> topCancellationReasons) {

    public Insights {
      topEventTypes = List.copyOf(topEventTypes);
      topCancellationReasons = List.copyOf(topCancellationReasons);
    }
  }

  /**
   * One event type's bookings.
   *
   * @param id {@code null} for bookings without event type
   * @param slug the slug, {@code event-<id>} without one, {@code unknown} without event type
   * @param cancelRate cancelled / count in % (rounded)
   */
  public record EventTypeStats(Long id, String slug, int count, int cancelRate) {}

  /** A cancellation reason (as first written, trimmed) and how often it was given. */
  public record ReasonCount(String reason, int count) {}

  /**
   * Time between booking and meeting ({@code start - createdAt}).
   *
   * @param count bookings with a creation time
   * @param medianHours the median in hours (1 decimal), 0 when {@code count} is 0
   * @param distribution counts in the buckets {@code <1h, 1-24h, 1-3d, 3-7d, 1-4w, >4w}
   * @param shareUnder24h share of bookings made less than 24 hours ahead in % (rounded)
   */
  public record LeadTime(
      int count, double medianHours, List<LeadTimeBucket> distribution, int shareUnder24h) {

    public LeadTime {
      distribution = List.copyOf(distribution);
    }
  }

  /** One lead-time bucket. */
  public record LeadTimeBucket(String label, int count) {}
}
