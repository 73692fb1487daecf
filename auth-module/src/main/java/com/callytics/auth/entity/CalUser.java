package com.callytics.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A Callytics user: one per Cal.com user id. */
@Entity
@Table(name = "app_user")
public class CalUser {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private String id;

  @Column(name = "cal_user_id", nullable = false, unique = true)
  private long calUserId;

  @Column(name = "username")
  private String username;

  @Column(name = "name")
  private String name;

  @Column(name = "email", length = 320)
  private String email;

  @Column(name = "image_url", length = 2048)
  private String imageUrl;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected CalUser() {}

  public CalUser(long calUserId, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.calUserId = calUserId;
    this.createdAt = Objects.requireNonNull(now);
    this.updatedAt = now;
  }

  /** Takes the profile Cal.com reports now. */
  public void updateProfile(CalProfile profile, Instant now) {
    if (profile.id() != calUserId) {
      throw new IllegalArgumentException("profile of another Cal.com user");
    }
    this.username = profile.username();
    this.name = profile.name();
    this.email = profile.email();
    this.imageUrl = profile.avatarUrl();
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public long getCalUserId() {
    return calUserId;
  }

  public String getUsername() {
    return username;
  }

  /** The name to show: the profile name, else the username. */
  public String getDisplayName() {
    return name != null && !name.isBlank() ? name : username;
  }

  public String getEmail() {
    return email;
  }

  public String getImageUrl() {
    return imageUrl;
  }
}
