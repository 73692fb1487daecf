package com.callytics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalEmulatorMainTest {

  @Test
  void instructionsTellHowToPointCallyticsAtTheEmulator() {
    try (CalEmulator emulator = CalEmulator.start(0)) {
      String text = CalEmulatorMain.instructions(emulator);

      assertThat(text)
          .contains("CALLYTICS_CAL_APP_URL=" + emulator.baseUrl())
          .contains("CALLYTICS_CAL_API_URL=" + emulator.baseUrl() + "/v2")
          .contains("CALLYTICS_CAL_CLIENT_ID=callytics-local")
          .contains("CALLYTICS_CAL_CLIENT_SECRET=local-secret");
    }
  }

  @Test
  void theDefaultsMatchTheLocalSetup() {
    assertThat(CalEmulatorMain.DEFAULT_PORT).isEqualTo(5555);
    try (CalEmulator emulator = CalEmulator.start(0)) {
      String body =
          TestSupport.get(
                  TestSupport.authorizeUrl(
                      emulator, CalEmulator.DEFAULT_CLIENT_ID, TestSupport.newVerifier(), "s"))
              .body();
      assertThat(body).contains("Callytics wants to read your bookings and profile");
    }
  }
}
