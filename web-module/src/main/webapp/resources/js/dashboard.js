// The analytics dashboard of /dashboard (signed in, data-mode="live") and /demo (data-mode="demo").
// Reads the analytics JSON (see AnalyticsJson) and fills the page; every piece of data goes into
// the DOM as text (textContent), never as HTML. Chart.js comes from the WebJar as window.Chart.
import { ApiError, describe, request, showError } from "./api.js";

const root = document.querySelector("main.dashboard");
if (root) {
  start(root);
}

function start(root) {
  const live = root.dataset.mode === "live";
  const source = root.dataset.source;
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const ChartJs = window.Chart;

  const $ = (id) => document.getElementById(id);
  const els = {
    rangeLabel: $("range-label"),
    filters: $("filters"),
    range: $("range"),
    custom: $("custom-range"),
    from: $("from"),
    to: $("to"),
    rangeError: $("range-error"),
    eventType: $("event-type"),
    csv: $("csv-link"),
    error: $("dash-error"),
    statusList: $("status-list"),
    timelineSummary: $("timeline-summary"),
    durationsSummary: $("durations-summary"),
    platformsSummary: $("platforms-summary"),
    leadTimeSummary: $("leadtime-summary"),
    heatmap: $("heatmap"),
    topEventTypes: $("top-event-types"),
    reasons: $("cancellation-reasons"),
    recent: $("recent"),
    hostsBody: document.querySelector("#hosts tbody"),
    hostsSummary: $("hosts-summary"),
    meetingDialog: $("meeting-dialog"),
    meetingTitle: $("meeting-title"),
    meetingBody: $("meeting-body"),
  };

  const numbers = new Intl.NumberFormat();
  const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
  const dateTime = new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: tz,
  });
  const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: tz });
  const dayLabel = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: tz });
  const monthLabel = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: tz });

  const charts = new Map();
  const eventTypes = new Map(); // id -> slug, as seen in insights.topEventTypes
  let lastData = null;
  let inFlight = null;

  // ---------------------------------------------------------------- range and filters

  function isoDate(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function addDays(date, days) {
    const copy = new Date(date.getFullYear(), date.getMonth(), date.getDate());
    copy.setDate(copy.getDate() + days);
    return copy;
  }

  /** {from, to} as dates (to exclusive), {} for all time, or {error}. */
  function selectedRange() {
    const today = new Date();
    const tomorrow = addDays(today, 1);
    switch (els.range.value) {
      case "7d":
        return { from: isoDate(addDays(today, -6)), to: isoDate(tomorrow) };
      case "90d":
        return { from: isoDate(addDays(today, -89)), to: isoDate(tomorrow) };
      case "12m": {
        const yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate());
        return { from: isoDate(addDays(yearAgo, 1)), to: isoDate(tomorrow) };
      }
      case "all":
        return {};
      case "custom": {
        const from = els.from.value;
        const to = els.to.value;
        if (!from && !to) {
          return { error: "Choose a start date, an end date or both." };
        }
        if (from && to && from > to) {
          return { error: "The start date must be on or before the end date." };
        }
        const range = {};
        if (from) range.from = from;
        if (to) {
          const [y, m, d] = to.split("-").map(Number);
          range.to = isoDate(addDays(new Date(y, m - 1, d), 1));
        }
        return range;
      }
      default:
        return { from: isoDate(addDays(today, -29)), to: isoDate(tomorrow) };
    }
  }

  function query(range) {
    const params = new URLSearchParams();
    if (range.from) params.set("from", range.from);
    if (range.to) params.set("to", range.to);
    params.set("tz", tz);
    if (els.eventType.value) params.set("eventTypeId", els.eventType.value);
    return params;
  }

  function updateCsvLink(range) {
    if (!els.csv) return;
    const params = new URLSearchParams();
    if (range.from) params.set("from", range.from);
    if (range.to) params.set("to", range.to);
    params.set("tz", tz);
    els.csv.href = "/api/bookings/export.csv?" + params.toString();
  }

  els.range.addEventListener("change", () => {
    const custom = els.range.value === "custom";
    els.custom.hidden = !custom;
    if (custom) {
      if (!els.from.value && !els.to.value) {
        const current = selectedRangeFromData();
        els.from.value = current.from || "";
        els.to.value = current.to || "";
      }
      els.from.focus();
      return;
    }
    load();
  });
  els.eventType.addEventListener("change", () => load());
  els.filters.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });

  /** The shown range as inclusive dates in the viewer's zone, to prefill the custom fields. */
  function selectedRangeFromData() {
    if (!lastData || !lastData.range || !lastData.range.from || !lastData.range.to) return {};
    const day = (instant) => {
      const parts = new Intl.DateTimeFormat("en-CA", {
        timeZone: tz,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(new Date(instant));
      return parts;
    };
    return {
      from: day(lastData.range.from),
      to: day(new Date(new Date(lastData.range.to).getTime() - 1).toISOString()),
    };
  }

  // ---------------------------------------------------------------- loading

  async function load() {
    const range = selectedRange();
    els.rangeError.hidden = true;
    if (range.error) {
      els.rangeError.textContent = range.error;
      els.rangeError.hidden = false;
      return;
    }
    const params = query(range);
    updateCsvLink(range);
    if (inFlight) inFlight.abort();
    const controller = new AbortController();
    inFlight = controller;
    root.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    try {
      const data = await request(source + "?" + params.toString(), { signal: controller.signal });
      if (controller !== inFlight) return;
      render(data);
      if (ChartJs) {
        els.error.hidden = true;
      } else {
        els.error.textContent = "The charts could not be loaded. Reload the page to try again.";
        els.error.hidden = false;
      }
      root.dataset.query = params.toString();
      root.dataset.state = "ready";
      // the first complete render, for the page-speed benchmark (AnalyticsBenchmarkIT)
      if (performance.getEntriesByName("callytics:drawn").length === 0) {
        performance.mark("callytics:drawn");
      }
      if (live && data && data.freshness) {
        watchSync(data.freshness.syncing === true);
      }
    } catch (error) {
      if (error && error.name === "AbortError") return;
      showError(els.error, error);
      root.dataset.state = "error";
    } finally {
      if (controller === inFlight) {
        inFlight = null;
        root.removeAttribute("aria-busy");
      }
    }
  }

  // ---------------------------------------------------------------- rendering

  function render(data) {
    lastData = data;
    renderRange(data.range);
    renderKpis(data.overview);
    renderStatus(data.statusDistribution);
    renderTimeline(data.timeline);
    renderDurations(data.durations);
    renderPlatforms(data.platforms);
    renderLeadTime(data.leadTime);
    renderHours(data.byHour);
    renderTimeOfDay(data.timeOfDay);
    renderHeatmap(data.heatmap);
    renderInsights(data.insights, data.leadTime);
    renderEventTypes(data.insights.topEventTypes);
    renderRecent(data.recent);
    renderHosts(data.hosts);
  }

  function renderRange(range) {
    let text;
    if (range.from && range.to) {
      const last = new Date(new Date(range.to).getTime() - 1);
      text = dateOnly.format(new Date(range.from)) + " – " + dateOnly.format(last);
    } else if (range.from) {
      text = "Since " + dateOnly.format(new Date(range.from));
    } else if (range.to) {
      text = "Until " + dateOnly.format(new Date(new Date(range.to).getTime() - 1));
    } else {
      text = "All time";
    }
    els.rangeLabel.textContent = text + " · times in " + range.zone;
  }

  const KPI_FORMAT = {
    acceptanceRate: (v) => numbers.format(v) + " %",
    totalHours: (v) => oneDecimal.format(v) + " h",
  };

  function renderKpis(overview) {
    for (const card of document.querySelectorAll("[data-kpi]")) {
      const key = card.dataset.kpi;
      const value = overview[key];
      const format = KPI_FORMAT[key] || ((v) => numbers.format(v));
      card.querySelector(".kpi-value").textContent =
        typeof value === "number" ? format(value) : "–";
      if (key === "meetingsThisWeek") continue;
      const change = card.querySelector(".kpi-change");
      change.className = "kpi-change";
      const c = overview.changes && overview.changes[key];
      if (!c) {
        change.textContent = overview.changes ? "" : "No previous period to compare";
        change.classList.add("muted");
        continue;
      }
      const delta = c.change;
      const worseWhenUp = key === "cancelled";
      if (delta === 0) {
        change.textContent = "No change vs previous period";
        change.classList.add("change-flat");
        continue;
      }
      const up = delta > 0;
      let amount;
      if (key === "acceptanceRate") {
        amount = oneDecimal.format(Math.abs(delta)) + " pts";
      } else if (c.changePercent === null || c.changePercent === undefined) {
        amount = "new";
      } else {
        amount = numbers.format(Math.abs(c.changePercent)) + " %";
      }
      change.textContent = (up ? "▲ " : "▼ ") + amount + " vs previous period";
      change.classList.add(up !== worseWhenUp ? "change-good" : "change-bad");
    }
  }

  // ---------------------------------------------------------------- charts

  function palette() {
    const style = getComputedStyle(document.documentElement);
    const v = (name) => style.getPropertyValue(name).trim();
    return {
      fg: v("--fg"),
      muted: v("--muted"),
      grid: v("--grid"),
      accent: v("--accent"),
      series: [v("--chart-1"), v("--chart-2"), v("--chart-3"), v("--chart-4"), v("--chart-5")],
      accepted: v("--status-accepted"),
      cancelled: v("--status-cancelled"),
      pending: v("--status-pending"),
      rejected: v("--status-rejected"),
      other: v("--status-other"),
    };
  }

  function chart(id, config) {
    const canvas = document.getElementById(id);
    if (!canvas || !ChartJs) return;
    const existing = charts.get(id);
    if (existing) existing.destroy();
    const colors = palette();
    ChartJs.defaults.color = colors.muted;
    ChartJs.defaults.borderColor = colors.grid;
    ChartJs.defaults.font.family = getComputedStyle(document.body).fontFamily;
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false } },
      ...config.options,
    };
    charts.set(id, new ChartJs(canvas, { ...config, options }));
  }

  function statusColor(status, colors) {
    return colors[status] || colors.other;
  }

  function label(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : "";
  }

  function renderStatus(statuses) {
    const colors = palette();
    chart("chart-status", {
      type: "doughnut",
      data: {
        labels: statuses.map((s) => label(s.status)),
        datasets: [
          {
            data: statuses.map((s) => s.count),
            backgroundColor: statuses.map((s) => statusColor(s.status, colors)),
            borderColor: getComputedStyle(document.documentElement).getPropertyValue("--card").trim(),
          },
        ],
      },
      options: { cutout: "60%" },
    });
    els.statusList.replaceChildren(
      ...statuses.map((s) => {
        const li = document.createElement("li");
        const swatch = document.createElement("span");
        swatch.className = "swatch swatch-" + (colors[s.status] ? s.status : "other");
        const text = document.createElement("span");
        text.textContent = label(s.status) + ": " + numbers.format(s.count) + " (" + s.percent + " %)";
        li.append(swatch, text);
        return li;
      }),
    );
    if (statuses.length === 0) {
      els.statusList.append(emptyItem("No bookings in this range."));
    }
  }

  function periodLabel(period, granularity) {
    if (!period.start) return period.label;
    const start = new Date(period.start);
    if (granularity === "month") return monthLabel.format(start);
    if (granularity === "week") return "Wk " + dayLabel.format(start);
    return dayLabel.format(start);
  }

  function renderTimeline(timeline) {
    const colors = palette();
    const labels = timeline.periods.map((p) => periodLabel(p, timeline.granularity));
    const line = (name, key, color) => ({
      label: name,
      data: timeline.periods.map((p) => p[key]),
      borderColor: color,
      backgroundColor: color,
      cubicInterpolationMode: "monotone",
      pointRadius: timeline.periods.length > 40 ? 0 : 2,
    });
    chart("chart-timeline", {
      type: "line",
      data: {
        labels,
        datasets: [
          line("Total", "total", colors.accent),
          line("Accepted", "accepted", colors.accepted),
          line("Cancelled", "cancelled", colors.cancelled),
        ],
      },
      options: {
        plugins: { legend: { display: true, position: "bottom" } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    const parts = [
      "Per " + timeline.granularity,
      oneDecimal.format(timeline.averagePerMonth) + " bookings a month on average",
    ];
    if (timeline.peak) {
      const peak = timeline.periods.find((p) => p.label === timeline.peak.label);
      const name = peak ? periodLabel(peak, timeline.granularity) : timeline.peak.label;
      parts.push("busiest: " + name + " (" + numbers.format(timeline.peak.total) + ")");
    }
    els.timelineSummary.textContent = parts.join(" · ");
  }

  function renderDurations(durations) {
    const colors = palette();
    const rows = durations.byDuration;
    chart("chart-durations", {
      type: "bar",
      data: {
        labels: rows.map((d) => d.minutes + " min"),
        datasets: [
          { label: "Accepted", data: rows.map((d) => d.accepted), backgroundColor: colors.accepted },
          { label: "Cancelled", data: rows.map((d) => d.cancelled), backgroundColor: colors.cancelled },
          {
            label: "Other",
            data: rows.map((d) => d.total - d.accepted - d.cancelled),
            backgroundColor: colors.other,
          },
        ],
      },
      options: {
        plugins: { legend: { display: true, position: "bottom" } },
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    els.durationsSummary.textContent =
      "Average " +
      oneDecimal.format(durations.averageDuration) +
      " min" +
      (durations.mostCommonDuration !== null
        ? " · most common " + durations.mostCommonDuration + " min"
        : "");
  }

  function renderPlatforms(platforms) {
    const colors = palette();
    const rows = platforms.byPlatform;
    chart("chart-platforms", {
      type: "bar",
      data: {
        labels: rows.map((p) => p.platform),
        datasets: [
          {
            label: "Bookings",
            data: rows.map((p) => p.count),
            backgroundColor: rows.map((_, i) => colors.series[i % colors.series.length]),
          },
        ],
      },
      options: {
        indexAxis: "y",
        layout: { padding: { right: 12 } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    els.platformsSummary.textContent = platforms.mostUsed
      ? "Most used: " + platforms.mostUsed
      : "No meetings with a known platform yet.";
  }

  function hours(value) {
    if (value === null || value === undefined) return "–";
    if (value < 24) return oneDecimal.format(value) + " h";
    return oneDecimal.format(value / 24) + " days";
  }

  function renderLeadTime(leadTime) {
    const colors = palette();
    chart("chart-leadtime", {
      type: "bar",
      data: {
        labels: leadTime.distribution.map((b) => b.label),
        datasets: [
          {
            label: "Bookings",
            data: leadTime.distribution.map((b) => b.count),
            backgroundColor: colors.series[1],
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    els.leadTimeSummary.textContent =
      leadTime.count > 0
        ? "Median " + hours(leadTime.medianHours) + " ahead · " + leadTime.shareUnder24h +
          " % booked less than a day ahead"
        : "No lead times in this range.";
  }

  function renderHours(byHour) {
    const colors = palette();
    chart("chart-hours", {
      type: "bar",
      data: {
        labels: byHour.map((_, h) => String(h).padStart(2, "0")),
        datasets: [{ label: "Bookings", data: byHour, backgroundColor: colors.accent }],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  // ---------------------------------------------------------------- tiles, heatmap, tables

  function renderTimeOfDay(timeOfDay) {
    for (const tile of document.querySelectorAll("#time-of-day [data-part]")) {
      const share = timeOfDay[tile.dataset.part];
      tile.querySelector(".tile-value").textContent = share
        ? numbers.format(share.count) + " · " + share.percent + " %"
        : "–";
    }
  }

  function weekdayNames() {
    const format = new Intl.DateTimeFormat(undefined, { weekday: "short", timeZone: "UTC" });
    // 2024-01-01 was a Monday
    return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
  }

  function renderHeatmap(heatmap) {
    const table = els.heatmap;
    const caption = table.querySelector("caption");
    table.replaceChildren(caption);
    const max = Math.max(0, ...heatmap.flat());
    const head = document.createElement("thead");
    const headRow = document.createElement("tr");
    const corner = document.createElement("th");
    corner.scope = "col";
    const cornerText = document.createElement("span");
    cornerText.className = "sr-only";
    cornerText.textContent = "Weekday";
    corner.append(cornerText);
    headRow.append(corner);
    for (let h = 0; h < 24; h++) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = String(h);
      if (h % 3 !== 0) th.className = "minor";
      headRow.append(th);
    }
    head.append(headRow);
    const body = document.createElement("tbody");
    const days = weekdayNames();
    heatmap.forEach((row, d) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = days[d];
      tr.append(th);
      row.forEach((count, h) => {
        const td = document.createElement("td");
        const level = count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 4));
        td.className = "heat heat-" + level;
        td.title = days[d] + " " + String(h).padStart(2, "0") + ":00 · " + count +
          (count === 1 ? " booking" : " bookings");
        const text = document.createElement("span");
        text.className = "sr-only";
        text.textContent = String(count);
        td.append(text);
        tr.append(td);
      });
      body.append(tr);
    });
    table.append(head, body);
  }

  function setInsight(name, text) {
    const dd = document.querySelector('[data-insight="' + name + '"]');
    if (dd) dd.textContent = text;
  }

  function renderInsights(insights, leadTime) {
    setInsight("completed", numbers.format(insights.completed));
    setInsight("upcoming", numbers.format(insights.upcoming));
    setInsight("rescheduled", numbers.format(insights.rescheduled));
    setInsight("hostNoShows", numbers.format(insights.hostNoShows));
    setInsight(
      "guestNoShows",
      numbers.format(insights.guestNoShows) +
        (insights.bookingsWithGuestNoShows
          ? " in " + numbers.format(insights.bookingsWithGuestNoShows) + " meetings"
          : ""),
    );
    setInsight(
      "averageRating",
      insights.averageRating === null
        ? "No ratings"
        : oneDecimal.format(insights.averageRating) + " / 5 (" + numbers.format(insights.ratingsCount) +
            ")",
    );
    setInsight("csat", insights.csat === null ? "–" : insights.csat + " %");
    setInsight("medianLeadTime", leadTime.count > 0 ? hours(leadTime.medianHours) : "–");

    els.topEventTypes.replaceChildren(
      ...insights.topEventTypes.map((t) => {
        const li = document.createElement("li");
        const name = document.createElement("span");
        name.className = "ranked-name";
        name.textContent = t.slug || "Unknown event type";
        const meta = document.createElement("span");
        meta.className = "ranked-meta";
        meta.textContent = numbers.format(t.count) + " · " + t.cancelRate + " % cancelled";
        li.append(name, meta);
        return li;
      }),
    );
    if (insights.topEventTypes.length === 0) {
      els.topEventTypes.append(emptyItem("No bookings in this range."));
    }
    els.reasons.replaceChildren(
      ...insights.topCancellationReasons.map((r) => {
        const li = document.createElement("li");
        const name = document.createElement("span");
        name.className = "ranked-name";
        name.textContent = r.reason;
        const meta = document.createElement("span");
        meta.className = "ranked-meta";
        meta.textContent = numbers.format(r.count);
        li.append(name, meta);
        return li;
      }),
    );
    if (insights.topCancellationReasons.length === 0) {
      els.reasons.append(emptyItem("No cancellation reasons given."));
    }
  }

  function emptyItem(text) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = text;
    return li;
  }

  function renderEventTypes(top) {
    const filtered = els.eventType.value !== "";
    if (!filtered) eventTypes.clear();
    for (const t of top) {
      if (typeof t.id === "number" && t.id > 0) eventTypes.set(String(t.id), t.slug || "Event type " + t.id);
    }
    const selected = els.eventType.value;
    const options = [new Option("All event types", "")];
    for (const [id, slug] of eventTypes) {
      options.push(new Option(slug, id));
    }
    els.eventType.replaceChildren(...options);
    els.eventType.value = eventTypes.has(selected) ? selected : "";
  }

  function renderRecent(recent) {
    els.recent.replaceChildren(
      ...recent.map((meeting) => {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "recent-item";
        const title = document.createElement("span");
        title.className = "recent-title";
        title.textContent = meeting.title;
        const meta = document.createElement("span");
        meta.className = "recent-meta";
        meta.textContent = (meeting.start ? dateTime.format(new Date(meeting.start)) : "") +
          " · " + meeting.platform;
        const badge = document.createElement("span");
        badge.className = "badge badge-" + statusClass(meeting.status);
        badge.textContent = label(meeting.status);
        button.append(title, meta, badge);
        button.addEventListener("click", () => openMeeting(meeting));
        li.append(button);
        return li;
      }),
    );
    if (recent.length === 0) {
      els.recent.append(emptyItem("No meetings in this range."));
    }
  }

  function statusClass(status) {
    return ["accepted", "cancelled", "pending", "rejected"].includes(status) ? status : "other";
  }

  function renderHosts(hosts) {
    els.hostsBody.replaceChildren(
      ...hosts.top.map((h) => {
        const tr = document.createElement("tr");
        const name = document.createElement("th");
        name.scope = "row";
        const strong = document.createElement("span");
        strong.className = "host-name";
        strong.textContent = h.name || h.email || "Unknown host";
        name.append(strong);
        if (h.email && h.name) {
          const email = document.createElement("span");
          email.className = "host-email";
          email.textContent = h.email;
          name.append(email);
        }
        tr.append(name);
        const cells = [
          ["Bookings", numbers.format(h.total)],
          ["Accepted", numbers.format(h.accepted)],
          ["Cancelled", numbers.format(h.cancelled)],
          ["Hours", oneDecimal.format(h.hours)],
          ["Success rate", h.successRate + " %"],
        ];
        for (const [heading, value] of cells) {
          const td = document.createElement("td");
          td.className = "num";
          td.dataset.label = heading; // shown by the narrow layout, where the header is hidden
          td.textContent = value;
          tr.append(td);
        }
        return tr;
      }),
    );
    if (hosts.top.length === 0) {
      const tr = document.createElement("tr");
      const td = document.createElement("td");
      td.colSpan = 6;
      td.className = "empty";
      td.textContent = "No hosts in this range.";
      tr.append(td);
      els.hostsBody.append(tr);
    }
    const parts = [numbers.format(hosts.hostCount) + (hosts.hostCount === 1 ? " host" : " hosts")];
    if (hosts.mostActive) parts.push("most active: " + (hosts.mostActive.name || hosts.mostActive.email));
    parts.push(oneDecimal.format(hosts.totalHostHours) + " host hours");
    els.hostsSummary.textContent = parts.join(" · ");
  }

  // ---------------------------------------------------------------- meeting dialog

  /** The URL when it is an absolute http(s) URL, else null. */
  function safeUrl(value) {
    if (typeof value !== "string" || value === "") return null;
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function openMeeting(meeting) {
    els.meetingTitle.textContent = meeting.title;
    const dl = document.createElement("dl");
    dl.className = "details";
    const row = (term, content) => {
      if (content === null || content === undefined || content === "") return;
      const div = document.createElement("div");
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      if (content instanceof Node) dd.append(content);
      else dd.textContent = String(content);
      div.append(dt, dd);
      dl.append(div);
    };
    row(
      "When",
      meeting.start
        ? dateTime.format(new Date(meeting.start)) + " (" + meeting.duration + " min)"
        : null,
    );
    row("Status", label(meeting.status) + (meeting.absentHost ? " · host did not show up" : ""));
    row("Event type", meeting.eventType);
    row("Hosts", people(meeting.hosts, false));
    row("Attendees", people(meeting.attendees, true));
    const url = safeUrl(meeting.meetingUrl);
    if (url) {
      const link = document.createElement("a");
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.textContent = "Join on " + meeting.platform;
      row("Meeting link", link);
    }
    const where =
      meeting.location && !meeting.location.startsWith("integrations:") && meeting.location !== meeting.meetingUrl
        ? meeting.platform + " · " + meeting.location
        : meeting.platform;
    row("Where", where);
    row("Cancellation reason", meeting.cancellationReason);
    row("Rescheduling reason", meeting.reschedulingReason);
    row("Rescheduled from", meeting.rescheduledFromUid ? "booking " + meeting.rescheduledFromUid : null);
    row("Rescheduled to", meeting.rescheduledToUid ? "booking " + meeting.rescheduledToUid : null);
    row("Rating", meeting.rating === null ? null : meeting.rating + " / 5");
    els.meetingBody.replaceChildren(dl);
    if (typeof els.meetingDialog.showModal === "function") {
      els.meetingDialog.showModal();
    } else {
      els.meetingDialog.setAttribute("open", "");
    }
  }

  function people(list, guests) {
    if (!list || list.length === 0) return null;
    const ul = document.createElement("ul");
    ul.className = "people";
    for (const p of list) {
      const li = document.createElement("li");
      li.textContent = p.name && p.email ? p.name + " <" + p.email + ">" : p.name || p.email || "Unknown";
      if (guests && p.absent) {
        const badge = document.createElement("span");
        badge.className = "badge badge-cancelled";
        badge.textContent = "no-show";
        li.append(" ", badge);
      }
      ul.append(li);
    }
    return ul;
  }

  function closeDialogOnBackdrop(dialog) {
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) dialog.close();
    });
  }

  $("meeting-close").addEventListener("click", () => els.meetingDialog.close());
  closeDialogOnBackdrop(els.meetingDialog);

  // ---------------------------------------------------------------- theme

  document.addEventListener("callytics:themechange", () => {
    if (!lastData) return;
    renderStatus(lastData.statusDistribution);
    renderTimeline(lastData.timeline);
    renderDurations(lastData.durations);
    renderPlatforms(lastData.platforms);
    renderLeadTime(lastData.leadTime);
    renderHours(lastData.byHour);
  });

  // ---------------------------------------------------------------- signed in only

  let watchSync = () => {};
  if (live) {
    watchSync = setUpAccount();
  }

  load();

  /** Session, sync and delete; returns the function that starts watching a running sync. */
  function setUpAccount() {
    const syncStatus = $("sync-status");
    const syncProgress = $("sync-progress");
    const syncNow = $("sync-now");
    let timer = null;
    let sawRunning = false;

    request("/api/auth/session")
      .then((session) => {
        const user = session && session.user;
        if (user) {
          $("signed-in-as").textContent = "Signed in as " + (user.name || user.email || "you");
        }
      })
      .catch((error) => showError(els.error, error));

    function when(instant) {
      return instant ? dateTime.format(new Date(instant)) : null;
    }

    function renderSync(sync) {
      const running = sync.state === "running";
      syncNow.disabled = running;
      syncProgress.hidden = !running;
      syncStatus.className = "";
      if (running) {
        const progress = sync.progress || {};
        if (typeof progress.total === "number" && progress.total > 0) {
          syncProgress.max = progress.total;
          syncProgress.value = Math.min(progress.fetched || 0, progress.total);
          syncStatus.textContent =
            "Syncing… " + numbers.format(progress.fetched || 0) + " of " +
            numbers.format(progress.total) + " bookings fetched.";
        } else {
          syncProgress.removeAttribute("value");
          syncStatus.textContent =
            "Syncing… " + numbers.format(progress.fetched || 0) + " bookings fetched so far.";
        }
        return;
      }
      const stored =
        typeof sync.storedBookings === "number"
          ? numbers.format(sync.storedBookings) + " bookings stored."
          : "";
      if (sync.state === "failed") {
        syncStatus.className = "sync-failed";
        syncStatus.textContent = "The last sync failed: " + syncErrorText(sync.error) +
          (sync.lastSyncedAt ? " Last good sync " + when(sync.lastSyncedAt) + "." : "");
        return;
      }
      syncStatus.textContent = sync.lastSyncedAt
        ? "Last synced " + when(sync.lastSyncedAt) + ". " + stored
        : "Not synced yet: sync now to fetch your bookings from Cal.com.";
    }

    function syncErrorText(error) {
      if (error && typeof error === "object" && typeof error.status === "number") {
        return describe(new ApiError(error.status, error)).message;
      }
      if (error && typeof error === "object" && typeof error.detail === "string") {
        return error.detail;
      }
      if (typeof error === "string" && error !== "") {
        return error.endsWith(".") ? error : error + ".";
      }
      return "Cal.com unreachable, try again later.";
    }

    async function check() {
      clearTimeout(timer);
      timer = null;
      try {
        const sync = await request("/api/sync");
        renderSync(sync);
        if (sync.state === "running") {
          sawRunning = true;
          timer = setTimeout(check, 1500);
        } else if (sawRunning) {
          sawRunning = false;
          load();
        }
      } catch (error) {
        syncNow.disabled = false;
        syncProgress.hidden = true;
        syncStatus.className = "sync-failed";
        const info = describe(error);
        syncStatus.textContent = info.message;
        if (info.action) {
          const link = document.createElement("a");
          link.href = info.action.href;
          link.textContent = info.action.label;
          syncStatus.append(" ", link);
        }
      }
    }

    syncNow.addEventListener("click", async () => {
      syncNow.disabled = true;
      try {
        await request("/api/sync", { method: "POST" });
        sawRunning = true;
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409)) {
          syncNow.disabled = false;
          showError(els.error, error);
          return;
        }
      }
      check();
    });

    // delete my data
    const dialog = $("delete-dialog");
    const deleteError = $("delete-error");
    const confirmButton = $("delete-confirm");
    $("delete-data").addEventListener("click", () => {
      deleteError.hidden = true;
      dialog.showModal();
      $("delete-cancel").focus();
    });
    $("delete-cancel").addEventListener("click", () => dialog.close());
    closeDialogOnBackdrop(dialog);
    confirmButton.addEventListener("click", async () => {
      confirmButton.disabled = true;
      try {
        await request("/api/account", { method: "DELETE" });
        window.location.assign("/");
      } catch (error) {
        showError(deleteError, error);
        confirmButton.disabled = false;
      }
    });

    check();
    // Told by each analytics response whether a sync still runs: start watching one, or, when the
    // data just shown is already fresh, bring a "Syncing…" status up to date without reloading.
    return (syncing) => {
      if (syncing) {
        if (timer === null) {
          sawRunning = true;
          check();
        }
      } else if (timer !== null) {
        sawRunning = false;
        check();
      }
    };
  }
}
