package com.callytics.auth.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInStateTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private final SignInState state =
      new SignInState(
          "state-hash",
          "browser-hash",
          "verifier",
          "/dashboard",
          NOW,
          NOW.plus(Duration.ofMinutes(10)));

  @Test
  void isUsableByTheBrowserThatStartedItWithinTenMinutes() {
    assertThat(state.isUsableBy("browser-hash", NOW.plus(Duration.ofMinutes(9)))).isTrue();
  }

  @Test
  void anExpiredStateIsRefused() {
    assertThat(state.isUsableBy("browser-hash", NOW.plus(Duration.ofMinutes(10)))).isFalse();
  }

  @Test
  void anotherBrowserIsRefused() {
    assertThat(state.isUsableBy("other-browser", NOW)).isFalse();
  }
}
