package com.callytics.bookings.boundary;

import com.callytics.bookings.entity.SyncStatus;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * {@code {state, lastSyncedAt, storedBookings, progress: {fetched, total}, error}}: the sync status
 * as the API gives it; unknown values are {@code null}.
 */
public final class SyncJson {

  private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

  private SyncJson() {}

  public static JsonObject toJson(SyncStatus status) {
    JsonObjectBuilder progress = BUILDERS.createObjectBuilder().add("fetched", status.fetched());
    if (status.total() == null) {
      progress.addNull("total");
    } else {
      progress.add("total", status.total());
    }
    JsonObjectBuilder json = BUILDERS.createObjectBuilder().add("state", status.state().apiValue());
    if (status.lastSyncedAt() == null) {
      json.addNull("lastSyncedAt");
    } else {
      json.add("lastSyncedAt", status.lastSyncedAt().toString());
    }
    json.add("storedBookings", status.storedBookings()).add("progress", progress);
    if (status.error() == null) {
      json.addNull("error");
    } else {
      json.add("error", status.error());
    }
    return json.build();
  }
}
