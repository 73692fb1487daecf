package com.callytics.emulator;

import java.util.Objects;

/** A Cal.com user known to the emulator. */
record User(long id, String username, String email, String name, String timeZone) {

  User {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeZone, "timeZone");
  }

  String avatarUrl() {
    return "https://app.cal.com/api/avatar/" + username + ".png";
  }
}
