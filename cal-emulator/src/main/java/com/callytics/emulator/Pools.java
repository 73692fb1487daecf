package com.callytics.emulator;

import java.util.Locale;

/**
 * Fixed value pools the generated bookings index into. A person code (a {@code char}) packs a first
 * name (bits 0-5), a last name (bits 6-11) and an e-mail domain (bits 12-15); time zone, language
 * and phone number are derived from it, so one person always looks the same.
 */
final class Pools {
  private Pools() {}

  static final String[] FIRST_NAMES = {
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Mateo", "Sofia", "Elijah",
    "Amara", "Kenji", "Priya", "Omar", "Chen", "Fatima", "Jonas", "Ingrid", "Diego", "Aisha",
    "Hannah", "Yusuf", "Lena", "Tomás", "Zoe", "Arjun", "Nina", "Kofi", "Sara", "Mikael",
    "Léa", "Ravi", "Julia", "Santiago", "Maya", "Finn", "Elena", "Ibrahim", "Clara", "Hugo"
  };

  static final String[] LAST_NAMES = {
    "Smith", "Garcia", "Müller", "Rossi", "Nguyen", "Kowalski", "Okafor", "Silva", "Tanaka",
    "Johansson", "Dubois", "Khan", "Martin", "Novak", "Haddad", "Kim", "Jensen", "Costa",
    "Petrov", "Schneider", "Moreau", "Ali", "Fischer", "Brown", "Lopez", "Wilson", "Yamamoto",
    "Andersen", "Ibrahim", "Walker", "Fernandez", "Weber", "O'Brien", "Chen", "Larsen", "Mehta",
    "Santos", "Virtanen", "Horvat", "Nakamura"
  };

  static final String[] DOMAINS = {
    "example.com",
    "example.org",
    "example.net",
    "mail.example",
    "corp.example",
    "acme.example",
    "globex.example",
    "initech.example",
    "umbrella.example",
    "hooli.example",
    "stark.example",
    "wayne.example",
    "tyrell.example",
    "cyberdyne.example",
    "wonka.example",
    "soylent.example"
  };

  static final String[] TIME_ZONES = {
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Australia/Sydney",
    "Africa/Lagos",
    "Pacific/Auckland"
  };

  static final String[] LANGUAGES = {"en", "en", "en", "de", "fr", "es", "pt-BR", "nl"};

  /** Team mates, host pool slots 1..7; slot 0 is always the user the bookings belong to. */
  static final long[] TEAM_IDS = {9001, 9002, 9003, 9004, 9005, 9006, 9007};

  static final String[] TEAM_NAMES = {
    "Ben Carter",
    "Chloe Dubois",
    "Dev Patel",
    "Emma Schmidt",
    "Felipe Santos",
    "Grace Kim",
    "Hiro Tanaka"
  };
  static final String[] TEAM_USERNAMES = {
    "ben", "chloe", "devp", "emma", "felipe", "gracek", "hiro"
  };
  static final String[] TEAM_EMAILS = {
    "ben.carter@team.example", "chloe.dubois@team.example", "dev.patel@team.example",
    "emma.schmidt@team.example", "felipe.santos@team.example", "grace.kim@team.example",
    "hiro.tanaka@team.example"
  };
  static final String[] TEAM_TIME_ZONES = {
    "America/New_York",
    "Europe/Paris",
    "Asia/Kolkata",
    "Europe/Berlin",
    "America/Sao_Paulo",
    "Asia/Seoul",
    "Asia/Tokyo"
  };

  static final String[] EVENT_SLUGS = {
    "15min", "30min", "discovery-call", "product-demo", "strategy-session", "office-hours"
  };
  static final String[] EVENT_TITLES = {
    "15 Min Meeting",
    "30 Min Meeting",
    "Discovery Call",
    "Product Demo",
    "Strategy Session",
    "Office Hours"
  };
  static final int[] EVENT_DURATIONS = {15, 30, 45, 60, 90, 30};

  /** Cumulative weights (out of 100) for picking an event type. */
  static final int[] EVENT_WEIGHTS = {15, 45, 62, 80, 88, 100};

  static final int[] DURATIONS = {15, 30, 45, 60, 90};

  static final byte PLATFORM_GOOGLE_MEET = 0;
  static final byte PLATFORM_ZOOM = 1;
  static final byte PLATFORM_CAL_VIDEO = 2;
  static final byte PLATFORM_GOOGLE_LINK = 3;
  static final byte PLATFORM_ZOOM_LINK = 4;
  static final byte PLATFORM_CAL_VIDEO_LINK = 5;
  static final byte PLATFORM_ADDRESS = 6;

  /** Cumulative weights (out of 100), indexed by platform. */
  static final int[] PLATFORM_WEIGHTS = {25, 45, 60, 70, 78, 85, 100};

  static final String[] ADDRESSES = {
    "Friedrichstraße 68, 10117 Berlin, Germany",
    "1 Market St, San Francisco, CA 94105, USA",
    "221B Baker Street, London NW1 6XE, UK",
    "Rua Augusta 100, 1100-053 Lisboa, Portugal"
  };

  static final String[] DESCRIPTIONS = {
    "Looking forward to discussing the rollout plan.",
    "Quick intro call, see the deck I sent earlier.",
    "We'd like to review pricing for 40 seats.",
    "Follow-up on last week's demo.",
    "Please bring the Q3 numbers.",
    "Interested in the API integration.",
    "Rescheduling from the conference.",
    "Let's go through the onboarding checklist."
  };

  /** Description used for a booking edited by {@code changeBookings}. */
  static final byte CHANGED_DESCRIPTION = (byte) DESCRIPTIONS.length;

  static final String CHANGED_DESCRIPTION_TEXT = "Notes updated after booking.";

  static final String[] CANCEL_REASONS = {
    "Something came up, sorry!",
    "Double booked.",
    "No longer needed.",
    "Out sick today.",
    "We went with another vendor.",
    "Travel delays.",
    "Budget freeze this quarter.",
    "Wrong time zone, will book again."
  };

  /** Cancellation reason used by {@code changeBookings}. */
  static final byte CHANGED_CANCEL_REASON = (byte) CANCEL_REASONS.length;

  static final String CHANGED_CANCEL_REASON_TEXT = "Cancelled after sync (emulator change).";

  static final String[] RESCHEDULE_REASONS = {
    "Conflict with another meeting.",
    "Need more time to prepare.",
    "Moving to next week.",
    "Time zone mix-up.",
    "Key stakeholder unavailable.",
    null
  };

  static final String[] NAMES = new String[64 * 64];
  static final String[] NAMES_LOWER = new String[64 * 64];
  static final String[] EMAIL_LOCALS = new String[64 * 64];

  static {
    for (int f = 0; f < FIRST_NAMES.length; f++) {
      for (int l = 0; l < LAST_NAMES.length; l++) {
        String name = FIRST_NAMES[f] + " " + LAST_NAMES[l];
        NAMES[f | l << 6] = name;
        NAMES_LOWER[f | l << 6] = name.toLowerCase(Locale.ROOT);
        EMAIL_LOCALS[f | l << 6] = asciiLocal(FIRST_NAMES[f]) + "." + asciiLocal(LAST_NAMES[l]);
      }
    }
  }

  private static String asciiLocal(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      switch (c) {
        case 'é':
          b.append('e');
          break;
        case 'á':
          b.append('a');
          break;
        case 'ü':
          b.append("ue");
          break;
        case '\'':
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  static char person(int first, int last, int domain) {
    return (char) (first | last << 6 | domain << 12);
  }

  static int nameIndex(char person) {
    return person & 0xFFF;
  }

  static int domainIndex(char person) {
    return person >> 12;
  }

  static String name(char person) {
    return NAMES[nameIndex(person)];
  }

  static String email(char person) {
    return EMAIL_LOCALS[nameIndex(person)] + "@" + DOMAINS[domainIndex(person)];
  }

  private static int personHash(char person) {
    int h = person * 0x9E3779B1;
    return h ^ (h >>> 15);
  }

  static String timeZone(char person) {
    return TIME_ZONES[(personHash(person) >>> 4) & 0xF];
  }

  static String language(char person) {
    return LANGUAGES[(personHash(person) >>> 8) & 0x7];
  }

  /** About 40% of people have a phone number (fictional +1 555 01xx range). */
  static String phoneNumber(char person) {
    int h = personHash(person);
    if (Math.floorMod(h, 10) >= 4) {
      return null;
    }
    char[] phone = "+15550100000".toCharArray();
    BookingJson.digits(phone, 8, (h >>> 12) % 10_000, 4);
    return new String(phone);
  }
}
