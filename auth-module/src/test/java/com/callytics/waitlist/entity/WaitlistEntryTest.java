package com.callytics.waitlist.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitlistEntryTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void storesTheNormalisedEmailAndAFreshId() {
    var first = new WaitlistEntry("  Ada@Example.COM ", null, null, null, "web", NOW);
    var second = new WaitlistEntry("ada@example.com", null, null, null, "web", NOW);

    assertThat(first.getEmail()).isEqualTo("ada@example.com").isEqualTo(second.getEmail());
    assertThat(first.getId()).hasSize(36).isNotEqualTo(second.getId());
  }

  @Test
  void blankOptionalValuesAreStoredAsAbsent() {
    var entry = new WaitlistEntry("a@example.com", " ", "", "\t", "web", NOW);

    assertThat(entry.getFullName()).isNull();
    assertThat(entry.getCompany()).isNull();
    assertThat(entry.getNote()).isNull();
  }

  @Test
  void refusesAMissingEmailOrSourceOrTime() {
    assertThatThrownBy(() -> new WaitlistEntry(null, null, null, null, "web", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email");
    assertThatThrownBy(() -> new WaitlistEntry("  ", null, null, null, "web", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email");
    assertThatThrownBy(() -> new WaitlistEntry("a@example.com", null, null, null, " ", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source");
    assertThatThrownBy(() -> new WaitlistEntry("a@example.com", null, null, null, "web", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void refusesValuesLongerThanTheirColumns() {
    assertThatThrownBy(
            () -> new WaitlistEntry("a@example.com", "n".repeat(201), null, null, "web", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fullName");
    assertThatThrownBy(
            () -> new WaitlistEntry("a@example.com", null, null, "x".repeat(2001), "web", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("note");
    assertThatThrownBy(
            () -> new WaitlistEntry("a@example.com", null, null, null, "s".repeat(41), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source");
  }
}
