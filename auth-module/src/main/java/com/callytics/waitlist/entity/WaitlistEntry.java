package com.callytics.waitlist.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone who asked to hear when Callytics opens: one entry per email address, kept in its
 * normalised form (trimmed, lower-cased) so that the database's unique constraint holds whatever
 * spelling the person typed.
 */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry {

  public static final int EMAIL_MAX_LENGTH = 320;
  public static final int NAME_MAX_LENGTH = 200;
  public static final int NOTE_MAX_LENGTH = 2000;
  public static final int SOURCE_MAX_LENGTH = 40;

  /** Where entries come from unless said otherwise: the public sign-up form. */
  public static final String SOURCE_WEB = "web";

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private String id;

  @Column(name = "email", length = EMAIL_MAX_LENGTH, nullable = false, unique = true)
  private String email;

  @Column(name = "full_name", length = NAME_MAX_LENGTH)
  private String fullName;

  @Column(name = "company", length = NAME_MAX_LENGTH)
  private String company;

  @Column(name = "note", length = NOTE_MAX_LENGTH)
  private String note;

  @Column(name = "source", length = SOURCE_MAX_LENGTH, nullable = false)
  private String source;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected WaitlistEntry() {}

  /**
   * A new entry. The email is normalised here; blank optional values are stored as absent.
   *
   * @throws IllegalArgumentException when the email is blank or a value is longer than its column
   */
  public WaitlistEntry(
      String email, String fullName, String company, String note, String source, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.email = required("email", normaliseEmail(email), EMAIL_MAX_LENGTH);
    this.fullName = optional("fullName", fullName, NAME_MAX_LENGTH);
    this.company = optional("company", company, NAME_MAX_LENGTH);
    this.note = optional("note", note, NOTE_MAX_LENGTH);
    this.source = required("source", source == null ? null : source.strip(), SOURCE_MAX_LENGTH);
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  /**
   * The form an email address is stored and compared in: surrounding white space removed,
   * lower-cased (locale-independent); {@code null} stays {@code null}.
   */
  public static String normaliseEmail(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  /** A trimmed value, or {@code null} when it is absent or blank. */
  public static String blankToNull(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private static String required(String name, String value, int maxLength) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return withinLength(name, value, maxLength);
  }

  private static String optional(String name, String value, int maxLength) {
    String stripped = blankToNull(value);
    return stripped == null ? null : withinLength(name, stripped, maxLength);
  }

  private static String withinLength(String name, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
    }
    return value;
  }

  public String getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getFullName() {
    return fullName;
  }

  public String getCompany() {
    return company;
  }

  public String getNote() {
    return note;
  }

  public String getSource() {
    return source;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
