package com.callytics.analytics.control;

import com.callytics.analytics.entity.Analytics;
import com.callytics.analytics.entity.Analytics.Change;
import com.callytics.analytics.entity.Analytics.Changes;
import com.callytics.analytics.entity.Analytics.Overview;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.bookings.entity.Booking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Computes {@link Analytics} from bookings in one pass. The bookings are read once, as they come
 * (e.g. streamed from the database); only bounded state is kept: counters per key, the five most
 * recent bookings and a lead-time histogram.
 *
 * <p>Rules, in order: a booking of another event type (when {@link AnalyticsRequest#eventTypeId()}
 * is given) is ignored, so is a self meeting ({@link #isSelfMeeting}); a booking starting in {@code
 * [from, to)} feeds every section; one starting in the previous period of equal length only feeds
 * the comparison of the headline KPIs; any other booking is ignored.
 *
 * <p>Stateless and thread-safe.
 */
@ApplicationScoped
public class AnalyticsCalculator {

  /**
   * Analytics of {@code bookings}, which are iterated once.
   *
   * @param bookings those of {@code [request.previousFrom(), request.to())}, or all of them when
   *     the request has no range; others are ignored
   */
  public Analytics calculate(AnalyticsRequest request, Iterable<? extends Booking> bookings) {
    Objects.requireNonNull(bookings, "bookings");
    Pass pass = new Pass(request);
    for (Booking booking : bookings) {
      pass.add(booking);
    }
    return pass.result();
  }

  /**
   * Analytics of {@code bookings}, which are consumed once, sequentially. The stream is not closed:
   * that stays with the caller (e.g. the one who opened a database cursor).
   */
  public Analytics calculate(AnalyticsRequest request, Stream<? extends Booking> bookings) {
    Objects.requireNonNull(bookings, "bookings");
    Pass pass = new Pass(request);
    bookings.sequential().forEach(pass::add);
    return pass.result();
  }

  /**
   * Whether a booking is a "self meeting": exactly one attendee, whose e-mail is a host's (ignoring
   * case and any white space). Analytics leave these out.
   */
  public static boolean isSelfMeeting(Booking booking) {
    return BookingFacts.isSelfMeeting(booking);
  }

  /** The state of one calculation. */
  private static final class Pass {

    private final AnalyticsRequest request;
    private final Instant weekStart;
    private final Instant weekEnd;
    private final KpiTally current = new KpiTally();
    private final KpiTally previous = new KpiTally();
    private final RecentTally recent;
    private final ClockTally clock;
    private final StatusTally statuses = new StatusTally();
    private final DurationTally durations = new DurationTally();
    private final TimelineTally timeline;
    private final PlatformTally platforms = new PlatformTally();
    private final HostTally hosts = new HostTally();
    private final InsightTally insights;
    private final LeadTimeTally leadTimes = new LeadTimeTally();
    private int meetingsThisWeek;

    Pass(AnalyticsRequest request) {
      this.request = Objects.requireNonNull(request, "request");
      LocalDate monday =
          request
              .now()
              .atZone(request.zone())
              .toLocalDate()
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      this.weekStart = monday.atStartOfDay(request.zone()).toInstant();
      this.weekEnd = monday.plusWeeks(1).atStartOfDay(request.zone()).toInstant();
      this.recent = new RecentTally(request.now());
      this.clock = new ClockTally(request.zone());
      this.timeline = new TimelineTally(request);
      this.insights = new InsightTally(request.now());
    }

    void add(Booking booking) {
      Objects.requireNonNull(booking, "booking");
      if (!BookingFacts.matchesEventType(booking, request.eventTypeId())
          || BookingFacts.isSelfMeeting(booking)) {
        return;
      }
      Instant start = booking.start();
      if (request.contains(start)) {
        current.add(booking);
        recent.add(booking);
        clock.add(booking);
        statuses.add(booking);
        durations.add(booking);
        timeline.add(booking);
        platforms.add(booking);
        hosts.add(booking);
        insights.add(booking);
        leadTimes.add(booking);
        if (!start.isBefore(weekStart) && start.isBefore(weekEnd)) {
          meetingsThisWeek++;
        }
      } else if (request.inPreviousPeriod(start)) {
        previous.add(booking);
      }
    }

    Analytics result() {
      return new Analytics(
          request,
          overview(),
          recent.result(),
          clock.timeOfDay(),
          clock.byHour(),
          clock.heatmap(),
          statuses.result(),
          durations.result(),
          timeline.result(),
          platforms.result(),
          hosts.result(),
          insights.result(),
          leadTimes.result());
    }

    private Overview overview() {
      Changes changes =
          request.hasRange()
              ? new Changes(
                  Change.of(current.total(), previous.total()),
                  Change.of(current.accepted(), previous.accepted()),
                  Change.of(current.cancelled(), previous.cancelled()),
                  Change.of(current.acceptanceRate(), previous.acceptanceRate()),
                  Change.of(current.totalHours(), previous.totalHours()),
                  Change.of(current.uniqueParticipants(), previous.uniqueParticipants()))
              : null;
      return new Overview(
          current.total(),
          current.accepted(),
          current.cancelled(),
          current.acceptanceRate(),
          current.totalHours(),
          current.uniqueParticipants(),
          meetingsThisWeek,
          changes);
    }
  }
}
