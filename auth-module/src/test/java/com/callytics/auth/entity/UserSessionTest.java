package com.callytics.auth.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserSessionTest {

  private static final Instant SIGN_IN = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration MONTH = Duration.ofDays(30);
  private static final Duration GRANULARITY = Duration.ofMinutes(5);

  @Test
  void livesSevenDaysWhenUnused() {
    UserSession session = new UserSession("h", "u", SIGN_IN, WEEK, MONTH);

    assertThat(session.isValidAt(SIGN_IN.plus(WEEK).minusSeconds(1))).isTrue();
    assertThat(session.isValidAt(SIGN_IN.plus(WEEK))).isFalse();
  }

  @Test
  void useExtendsItByItsLifetime() {
    UserSession session = new UserSession("h", "u", SIGN_IN, WEEK, MONTH);
    Instant used = SIGN_IN.plus(Duration.ofDays(6));

    assertThat(session.touch(used, WEEK, GRANULARITY)).isTrue();

    assertThat(session.getExpiresAt()).isEqualTo(used.plus(WEEK));
  }

  @Test
  void neverBeyondThirtyDaysFromSignIn() {
    UserSession session = new UserSession("h", "u", SIGN_IN, WEEK, MONTH);
    for (int day = 6; day <= 36; day += 6) {
      session.touch(SIGN_IN.plus(Duration.ofDays(day)), WEEK, GRANULARITY);
    }

    assertThat(session.getExpiresAt()).isEqualTo(SIGN_IN.plus(MONTH));
    assertThat(session.isValidAt(SIGN_IN.plus(MONTH))).isFalse();
  }

  @Test
  void requestsInQuickSuccessionDoNotWrite() {
    UserSession session = new UserSession("h", "u", SIGN_IN, WEEK, MONTH);

    assertThat(session.touch(SIGN_IN.plus(Duration.ofMinutes(1)), WEEK, GRANULARITY)).isFalse();
  }
}
