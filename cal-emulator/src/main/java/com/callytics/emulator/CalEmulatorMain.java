package com.callytics.emulator;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * Runs the emulator until killed, for trying sign-in locally: {@code mvn -q -pl cal-emulator
 * exec:java -Dexec.args="--port 5555"}.
 *
 * <p>Options: {@code --port N} (default 5555), {@code --auto-approve}, {@code --bookings N}
 * (bookings of the default user).
 */
public final class CalEmulatorMain {
  private static final Logger LOG = Logger.getLogger(CalEmulatorMain.class.getName());
  static final int DEFAULT_PORT = 5555;

  private CalEmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = DEFAULT_PORT;
    boolean autoApprove = false;
    Integer bookings = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--port=")) {
        port = Integer.parseInt(arg.substring("--port=".length()));
      } else if (arg.equals("--port") && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (arg.startsWith("--bookings=")) {
        bookings = Integer.parseInt(arg.substring("--bookings=".length()));
      } else if (arg.equals("--bookings") && i + 1 < args.length) {
        bookings = Integer.parseInt(args[++i]);
      } else if (arg.equals("--auto-approve")) {
        autoApprove = true;
      } else {
        throw new IllegalArgumentException(
            "unknown argument " + arg + "; use --port N, --bookings N, --auto-approve");
      }
    }

    CalEmulator emulator = CalEmulator.start(port).autoApprove(autoApprove);
    if (bookings != null) {
      emulator.setBookingCount(CalEmulator.DEFAULT_USER_ID, bookings);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "cal-emulator-shutdown"));
    LOG.info(instructions(emulator));
    new CountDownLatch(1).await();
  }

  static String instructions(CalEmulator emulator) {
    return String.join(
        System.lineSeparator(),
        "Cal.com emulator listening on " + emulator.baseUrl() + " (Ctrl+C to stop).",
        "Point Callytics at it with:",
        "  CALLYTICS_CAL_APP_URL=" + emulator.baseUrl(),
        "  CALLYTICS_CAL_API_URL=" + emulator.baseUrl() + "/v2",
        "  CALLYTICS_CAL_CLIENT_ID=" + CalEmulator.DEFAULT_CLIENT_ID,
        "  CALLYTICS_CAL_CLIENT_SECRET=" + CalEmulator.DEFAULT_CLIENT_SECRET,
        "Signed in as user "
            + CalEmulator.DEFAULT_USER_ID
            + " (alice, alice@example.com); "
            + emulator.bookingCount(CalEmulator.DEFAULT_USER_ID)
            + " bookings.");
  }
}
