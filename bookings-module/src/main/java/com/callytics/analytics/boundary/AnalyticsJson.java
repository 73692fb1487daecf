package com.callytics.analytics.boundary;

import com.callytics.analytics.entity.Analytics;
import com.callytics.analytics.entity.Analytics.Change;
import com.callytics.analytics.entity.Analytics.Changes;
import com.callytics.analytics.entity.Analytics.DurationStats;
import com.callytics.analytics.entity.Analytics.Durations;
import com.callytics.analytics.entity.Analytics.EventTypeStats;
import com.callytics.analytics.entity.Analytics.Guest;
import com.callytics.analytics.entity.Analytics.HostStats;
import com.callytics.analytics.entity.Analytics.Hosts;
import com.callytics.analytics.entity.Analytics.Insights;
import com.callytics.analytics.entity.Analytics.LeadTime;
import com.callytics.analytics.entity.Analytics.LeadTimeBucket;
import com.callytics.analytics.entity.Analytics.Overview;
import com.callytics.analytics.entity.Analytics.Period;
import com.callytics.analytics.entity.Analytics.Person;
import com.callytics.analytics.entity.Analytics.PlatformShare;
import com.callytics.analytics.entity.Analytics.Platforms;
import com.callytics.analytics.entity.Analytics.ReasonCount;
import com.callytics.analytics.entity.Analytics.RecentBooking;
import com.callytics.analytics.entity.Analytics.Share;
import com.callytics.analytics.entity.Analytics.StatusShare;
import com.callytics.analytics.entity.Analytics.TimeOfDay;
import com.callytics.analytics.entity.Analytics.Timeline;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.analytics.entity.Platform;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link Analytics} as the JSON the web dashboard reads. Instants are ISO-8601 in UTC ({@code
 * 2025-03-01T09:30:00Z}); percentages are whole numbers; hours, averages and ratings have one
 * decimal; absent values are {@code null} (the key is always present).
 *
 * <pre>{@code
 * {
 *   "range": {"from": instant|null, "to": instant|null, "zone": "Europe/Berlin",
 *             "eventTypeId": number|null, "now": instant},
 *   "overview": {
 *     "total", "accepted", "cancelled", "acceptanceRate", "totalHours", "uniqueParticipants",
 *     "meetingsThisWeek",
 *     "changes": null (no range) | {
 *       "total" | "accepted" | "cancelled" | "acceptanceRate" | "totalHours"
 *       | "uniqueParticipants":
 *         {"current", "previous", "change", "changePercent": number|null (previous is 0)}
 *     }
 *   },
 *   "recent": [  // at most 5, newest first
 *     {"uid", "title", "status", "start", "end", "duration", "eventType": slug|null,
 *      "hosts": [{"name", "email"}], "attendees": [{"name", "email", "absent"}],
 *      "meetingUrl": http(s) URL|null, "location", "platform", "platformKey",
 *      "cancellationReason", "reschedulingReason", "rescheduledFromUid", "rescheduledToUid",
 *      "rating": number|null, "absentHost"}
 *   ],
 *   "timeOfDay": {"morning" | "afternoon" | "evening" | "night": {"count", "percent"}},
 *   "byHour": [24 counts, index = local hour],
 *   "heatmap": [7 rows, Monday first, of 24 counts],
 *   "statusDistribution": [{"status", "count", "percent"}],  // most frequent first
 *   "durations": {"byDuration": [{"minutes", "total", "accepted", "cancelled"}],  // ascending
 *                 "averageDuration", "mostCommonDuration": number|null},
 *   "timeline": {"granularity": "day"|"week"|"month",
 *                "periods": [{"label", "start", "total", "accepted", "cancelled"}],
 *                "averagePerMonth", "trend", "peak": null | {"label", "total"}},
 *   "platforms": {"byPlatform": [{"platform", "key", "count", "percent"}],  // all four, in order
 *                 "mostUsed": "Google Meet"|"Zoom"|"Cal.com Video"|"Other"|null},
 *   "hosts": {"top": [{"name", "email", "total", "accepted", "cancelled", "hours",
 *                      "successRate"}],  // at most 6
 *             "hostCount", "mostActive": null | {"name", "email"}, "totalHostHours"},
 *   "insights": {"completed", "upcoming", "rescheduled", "hostNoShows", "guestNoShows",
 *                "bookingsWithGuestNoShows", "averageRating": number|null, "ratingsCount",
 *                "csat": number|null,
 *                "topEventTypes": [{"id": number|null, "slug", "count", "cancelRate"}],
 *                "topCancellationReasons": [{"reason", "count"}]},
 *   "leadTime": {"count", "medianHours",
 *                "distribution": [{"label": "<1h"|"1-24h"|"1-3d"|"3-7d"|"1-4w"|">4w", "count"}],
 *                "shareUnder24h"}
 * }
 * }</pre>
 *
 * Platform labels ({@code platform}, {@code mostUsed}) are {@link Platform#label()}; {@code
 * platformKey} and {@code key} are {@link Platform#key()} ({@code google-meet}, {@code zoom},
 * {@code cal-video}, {@code other}).
 */
public final class AnalyticsJson {

  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private AnalyticsJson() {}

  /** The JSON of {@code analytics}, built with a shared builder factory. */
  public static JsonObject toJson(Analytics analytics) {
    return toJson(analytics, JSON);
  }

  /** The JSON of {@code analytics}, built with {@code json}. */
  public static JsonObject toJson(Analytics analytics, JsonBuilderFactory json) {
    return new Writer(json).analytics(analytics);
  }

  /** Builds with one factory. */
  private record Writer(JsonBuilderFactory json) {

    JsonObject analytics(Analytics a) {
      return json.createObjectBuilder()
          .add("range", range(a.request()))
          .add("overview", overview(a.overview()))
          .add("recent", array(a.recent(), this::recent))
          .add("timeOfDay", timeOfDay(a.timeOfDay()))
          .add("byHour", ints(a.byHour()))
          .add("heatmap", heatmap(a.heatmap()))
          .add("statusDistribution", array(a.statusDistribution(), this::status))
          .add("durations", durations(a.durations()))
          .add("timeline", timeline(a.timeline()))
          .add("platforms", platforms(a.platforms()))
          .add("hosts", hosts(a.hosts()))
          .add("insights", insights(a.insights()))
          .add("leadTime", leadTime(a.leadTime()))
          .build();
    }

    private JsonObjectBuilder range(AnalyticsRequest r) {
      JsonObjectBuilder b = json.createObjectBuilder();
      instant(b, "from", r.from());
      instant(b, "to", r.to());
      b.add("zone", r.zone().getId());
      if (r.eventTypeId() == null) {
        b.addNull("eventTypeId");
      } else {
        b.add("eventTypeId", r.eventTypeId());
      }
      instant(b, "now", r.now());
      return b;
    }

    private JsonObjectBuilder overview(Overview o) {
      JsonObjectBuilder b =
          json.createObjectBuilder()
              .add("total", o.total())
              .add("accepted", o.accepted())
              .add("cancelled", o.cancelled())
              .add("acceptanceRate", o.acceptanceRate())
              .add("totalHours", o.totalHours())
              .add("uniqueParticipants", o.uniqueParticipants())
              .add("meetingsThisWeek", o.meetingsThisWeek());
      Changes c = o.changes();
      if (c == null) {
        b.addNull("changes");
      } else {
        b.add(
            "changes",
            json.createObjectBuilder()
                .add("total", change(c.total()))
                .add("accepted", change(c.accepted()))
                .add("cancelled", change(c.cancelled()))
                .add("acceptanceRate", change(c.acceptanceRate()))
                .add("totalHours", change(c.totalHours()))
                .add("uniqueParticipants", change(c.uniqueParticipants())));
      }
      return b;
    }

    private JsonObjectBuilder change(Change c) {
      JsonObjectBuilder b = json.createObjectBuilder();
      number(b, "current", c.current());
      number(b, "previous", c.previous());
      number(b, "change", c.change());
      integer(b, "changePercent", c.changePercent());
      return b;
    }

    private JsonObjectBuilder recent(RecentBooking r) {
      JsonObjectBuilder b =
          json.createObjectBuilder()
              .add("uid", r.uid())
              .add("title", r.title())
              .add("status", r.status());
      instant(b, "start", r.start());
      instant(b, "end", r.end());
      b.add("duration", r.duration());
      text(b, "eventType", r.eventType());
      b.add("hosts", array(r.hosts(), this::person));
      b.add("attendees", array(r.attendees(), this::guest));
      text(b, "meetingUrl", r.meetingUrl());
      text(b, "location", r.location());
      b.add("platform", r.platform().label());
      b.add("platformKey", r.platform().key());
      text(b, "cancellationReason", r.cancellationReason());
      text(b, "reschedulingReason", r.reschedulingReason());
      text(b, "rescheduledFromUid", r.rescheduledFromUid());
      text(b, "rescheduledToUid", r.rescheduledToUid());
      integer(b, "rating", r.rating());
      b.add("absentHost", r.absentHost());
      return b;
    }

    private JsonObjectBuilder person(Person p) {
      JsonObjectBuilder b = json.createObjectBuilder();
      text(b, "name", p.name());
      text(b, "email", p.email());
      return b;
    }

    private JsonObjectBuilder guest(Guest g) {
      JsonObjectBuilder b = json.createObjectBuilder();
      text(b, "name", g.name());
      text(b, "email", g.email());
      b.add("absent", g.absent());
      return b;
    }

    private JsonObjectBuilder timeOfDay(TimeOfDay t) {
      return json.createObjectBuilder()
          .add("morning", share(t.morning()))
          .add("afternoon", share(t.afternoon()))
          .add("evening", share(t.evening()))
          .add("night", share(t.night()));
    }

    private JsonObjectBuilder share(Share s) {
      return json.createObjectBuilder().add("count", s.count()).add("percent", s.percent());
    }

    private JsonObjectBuilder status(StatusShare s) {
      return json.createObjectBuilder()
          .add("status", s.status())
          .add("count", s.count())
          .add("percent", s.percent());
    }

    private JsonObjectBuilder durations(Durations d) {
      JsonObjectBuilder b =
          json.createObjectBuilder()
              .add("byDuration", array(d.byDuration(), this::duration))
              .add("averageDuration", d.averageDuration());
      integer(b, "mostCommonDuration", d.mostCommonDuration());
      return b;
    }

    private JsonObjectBuilder duration(DurationStats d) {
      return json.createObjectBuilder()
          .add("minutes", d.minutes())
          .add("total", d.total())
          .add("accepted", d.accepted())
          .add("cancelled", d.cancelled());
    }

    private JsonObjectBuilder timeline(Timeline t) {
      JsonObjectBuilder b =
          json.createObjectBuilder()
              .add("granularity", t.granularity().label())
              .add("periods", array(t.periods(), this::period))
              .add("averagePerMonth", t.averagePerMonth())
              .add("trend", t.trend());
      if (t.peak() == null) {
        b.addNull("peak");
      } else {
        b.add(
            "peak",
            json.createObjectBuilder()
                .add("label", t.peak().label())
                .add("total", t.peak().total()));
      }
      return b;
    }

    private JsonObjectBuilder period(Period p) {
      JsonObjectBuilder b = json.createObjectBuilder().add("label", p.label());
      instant(b, "start", p.start());
      return b.add("total", p.total())
          .add("accepted", p.accepted())
          .add("cancelled", p.cancelled());
    }

    private JsonObjectBuilder platforms(Platforms p) {
      JsonObjectBuilder b =
          json.createObjectBuilder().add("byPlatform", array(p.byPlatform(), this::platform));
      text(b, "mostUsed", p.mostUsed() == null ? null : p.mostUsed().label());
      return b;
    }

    private JsonObjectBuilder platform(PlatformShare p) {
      return json.createObjectBuilder()
          .add("platform", p.platform().label())
          .add("key", p.platform().key())
          .add("count", p.count())
          .add("percent", p.percent());
    }

    private JsonObjectBuilder hosts(Hosts h) {
      JsonObjectBuilder b =
          json.createObjectBuilder()
              .add("top", array(h.top(), this::host))
              .add("hostCount", h.hostCount());
      if (h.mostActive() == null) {
        b.addNull("mostActive");
      } else {
        b.add("mostActive", person(h.mostActive()));
      }
      return b.add("totalHostHours", h.totalHostHours());
    }

    private JsonObjectBuilder host(HostStats h) {
      JsonObjectBuilder b = json.createObjectBuilder();
      text(b, "name", h.name());
      text(b, "email", h.email());
      return b.add("total", h.total())
          .add("accepted", h.accepted())
          .add("cancelled", h.cancelled())
          .add("hours", h.hours())
          .add("successRate", h.successRate());
    }

    private JsonObjectBuilder insights(Insights i) {
      JsonObjectBuilder b =
          json.createObjectBuilder()
              .add("completed", i.completed())
              .add("upcoming", i.upcoming())
              .add("rescheduled", i.rescheduled())
              .add("hostNoShows", i.hostNoShows())
              .add("guestNoShows", i.guestNoShows())
              .add("bookingsWithGuestNoShows", i.bookingsWithGuestNoShows());
      if (i.averageRating() == null) {
        b.addNull("averageRating");
      } else {
        b.add("averageRating", i.averageRating());
      }
      b.add("ratingsCount", i.ratingsCount());
      integer(b, "csat", i.csat());
      b.add("topEventTypes", array(i.topEventTypes(), this::eventType));
      b.add("topCancellationReasons", array(i.topCancellationReasons(), this::reason));
      return b;
    }

    private JsonObjectBuilder eventType(EventTypeStats e) {
      JsonObjectBuilder b = json.createObjectBuilder();
      if (e.id() == null) {
        b.addNull("id");
      } else {
        b.add("id", e.id());
      }
      return b.add("slug", e.slug()).add("count", e.count()).add("cancelRate", e.cancelRate());
    }

    private JsonObjectBuilder reason(ReasonCount r) {
      return json.createObjectBuilder().add("reason", r.reason()).add("count", r.count());
    }

    private JsonObjectBuilder leadTime(LeadTime l) {
      return json.createObjectBuilder()
          .add("count", l.count())
          .add("medianHours", l.medianHours())
          .add("distribution", array(l.distribution(), this::bucket))
          .add("shareUnder24h", l.shareUnder24h());
    }

    private JsonObjectBuilder bucket(LeadTimeBucket b) {
      return json.createObjectBuilder().add("label", b.label()).add("count", b.count());
    }

    private <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObjectBuilder> toJson) {
      JsonArrayBuilder b = json.createArrayBuilder();
      items.forEach(item -> b.add(toJson.apply(item)));
      return b;
    }

    private JsonArrayBuilder heatmap(List<List<Integer>> rows) {
      JsonArrayBuilder b = json.createArrayBuilder();
      rows.forEach(row -> b.add(ints(row)));
      return b;
    }

    private JsonArrayBuilder ints(List<Integer> values) {
      JsonArrayBuilder b = json.createArrayBuilder();
      values.forEach(b::add);
      return b;
    }

    /** Whole values as integers (5, not 5.0), others as they are. */
    private static void number(JsonObjectBuilder b, String key, double value) {
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        b.add(key, (long) value);
      } else {
        b.add(key, value);
      }
    }

    private static void integer(JsonObjectBuilder b, String key, Integer value) {
      if (value == null) {
        b.addNull(key);
      } else {
        b.add(key, value);
      }
    }

    private static void text(JsonObjectBuilder b, String key, String value) {
      if (value == null) {
        b.addNull(key);
      } else {
        b.add(key, value);
      }
    }

    private static void instant(JsonObjectBuilder b, String key, Instant value) {
      text(b, key, value == null ? null : value.toString());
    }
  }
}
