package com.callytics.it;

import com.callytics.emulator.CalEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The one Cal.com emulator of the integration-test JVM, on the port the deployed server was told
 * about (CALLYTICS_CAL_APP_URL / CALLYTICS_CAL_API_URL in the ear pom).
 */
final class SharedEmulator {

  static final String CLIENT_ID = "callytics-it";
  static final String CLIENT_SECRET = "it-client-secret-not-real";

  private static CalEmulator emulator;

  private SharedEmulator() {}

  static synchronized CalEmulator get() {
    if (emulator == null) {
      emulator = CalEmulator.start(Integer.getInteger("emulator.port", 18089));
    }
    emulator.restoreDefaults();
    emulator.registerClient(CLIENT_ID, CLIENT_SECRET).autoApprove(true);
    return emulator;
  }

  /** The server log must never contain a token, code or secret the emulator issued. */
  static void assertServerLogContainsNoneOf(Collection<String> secrets) throws IOException {
    assertLogContainsNoneOf(Path.of(System.getProperty("server.log")), secrets);
  }

  /** The given server log must never contain a token, code or secret the emulator issued. */
  static void assertLogContainsNoneOf(Path log, Collection<String> secrets) throws IOException {
    if (!Files.exists(log)) {
      return;
    }
    String content = Files.readString(log);
    for (String secret : secrets) {
      if (content.contains(secret)) {
        throw new AssertionError("the server log contains a secret issued by Cal.com");
      }
    }
    if (content.contains(CLIENT_SECRET)) {
      throw new AssertionError("the server log contains the client secret");
    }
  }
}
