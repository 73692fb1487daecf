package com.callytics.waitlist.entity;

import static com.callytics.waitlist.entity.WaitlistEntry.EMAIL_MAX_LENGTH;
import static com.callytics.waitlist.entity.WaitlistEntry.NAME_MAX_LENGTH;
import static com.callytics.waitlist.entity.WaitlistEntry.NOTE_MAX_LENGTH;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What someone sends to join the waitlist, already normalised: the email trimmed and lower-cased,
 * optional values trimmed and {@code null} when blank. The constraints describe a valid request;
 * the boundary checks them before anything else happens.
 */
public record WaitlistRequest(
    @NotBlank(message = "is required")
        @Email(message = "must be a valid email address")
        @Size(
            max = EMAIL_MAX_LENGTH,
            message = "must be at most " + EMAIL_MAX_LENGTH + " characters")
        String email,
    @Size(max = NAME_MAX_LENGTH, message = "must be at most " + NAME_MAX_LENGTH + " characters")
        String fullName,
    @Size(max = NAME_MAX_LENGTH, message = "must be at most " + NAME_MAX_LENGTH + " characters")
        String company,
    @Size(max = NOTE_MAX_LENGTH, message = "must be at most " + NOTE_MAX_LENGTH + " characters")
        String note) {

  public WaitlistRequest {
    email = WaitlistEntry.normaliseEmail(email);
    fullName = WaitlistEntry.blankToNull(fullName);
    company = WaitlistEntry.blankToNull(company);
    note = WaitlistEntry.blankToNull(note);
  }

  /** The entry this request asks for, as of {@code now}. */
  public WaitlistEntry toEntry(String source, Instant now) {
    return new WaitlistEntry(email, fullName, company, note, source, now);
  }

  @Override
  public String toString() {
    // No personal data in logs or exception messages.
    return "WaitlistRequest[email=<redacted>]";
  }
}
