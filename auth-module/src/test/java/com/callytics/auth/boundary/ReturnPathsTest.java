package com.callytics.auth.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"/dashboard", "/demo", "/dashboard?range=30d", "/dashboard#hosts", "/a/b-c_d.e~f"})
  void keepsRelativePathsOnThisSite(String path) {
    assertThat(ReturnPaths.sanitize(path)).isEqualTo(path);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "//evil.example",
        "//evil.example/dashboard",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example",
        "http:evil.example",
        "javascript:alert(1)",
        "evil.example",
        "dashboard",
        "%2F%2Fevil.example",
        "/%2F/evil.example",
        "/%2Fevil.example",
        "/%5Cevil.example",
        "%252F%252Fevil.example",
        "/%252F%252Fevil.example",
        "/\tevil",
        "/ //evil",
        "/dashboard\r\nSet-Cookie: x=1",
        "/%0d%0aSet-Cookie:x=1",
        "https:%2F%2Fevil.example"
      })
  void sendsEverythingElseToTheDashboard(String payload) {
    assertThat(ReturnPaths.sanitize(payload)).isEqualTo("/dashboard");
  }
}
