package com.callytics.analytics.entity;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "https://meet.google.com/abc-defg-hij, null, GOOGLE_MEET",
        "null, integrations:google:meet, GOOGLE_MEET",
        "https://us02web.zoom.us/j/812345, null, ZOOM",
        "null, INTEGRATIONS:ZOOM, ZOOM",
        "https://app.cal.com/video/x1, null, CAL_VIDEO",
        "null, integrations:daily, CAL_VIDEO",
        "https://cal.com/video/x1, null, CAL_VIDEO",
        "https://teams.microsoft.com/l/meetup-join/1, null, OTHER",
        "null, 'Office, 5th floor', OTHER",
        "null, null, OTHER",
        // the meeting URL comes first ...
        "https://zoom.us/j/1, integrations:google:meet, ZOOM",
        // ... unless it names no known platform
        "https://example.com/room, integrations:daily, CAL_VIDEO",
      })
  void isRecognisedFromTheMeetingUrlThenTheLocation(
      String url, String location, Platform expected) {
    assertThat(Platform.of(booking("b").meetingUrl(url).location(location).build()))
        .isEqualTo(expected);
  }
}
