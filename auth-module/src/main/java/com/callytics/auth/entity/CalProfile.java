package com.callytics.auth.entity;

/** The Cal.com profile of the signed-in user ({@code GET /v2/me}). */
public record CalProfile(long id, String username, String email, String name, String avatarUrl) {}
