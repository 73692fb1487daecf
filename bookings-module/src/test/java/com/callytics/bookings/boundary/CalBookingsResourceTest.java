package com.callytics.bookings.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalBookingsResourceTest {

  @Test
  void aBearerTokenIsTakenWhateverTheCaseOfTheScheme() {
    assertThat(CalBookingsResource.bearerToken("Bearer abc.DEF-123_~+/="))
        .hasValue("abc.DEF-123_~+/=");
    assertThat(CalBookingsResource.bearerToken("bearer abc")).hasValue("abc");
    assertThat(CalBookingsResource.bearerToken("BEARER  abc ")).hasValue("abc");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc", "Bearer a b", "abc"})
  void anythingElseIsNoToken(String header) {
    assertThat(CalBookingsResource.bearerToken(header)).isEmpty();
  }
}
