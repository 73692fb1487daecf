package com.callytics.analytics.control;

import static com.callytics.analytics.BookingBuilder.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.callytics.analytics.entity.Analytics.PlatformShare;
import com.callytics.analytics.entity.Analytics.Platforms;
import com.callytics.analytics.entity.AnalyticsRequest;
import com.callytics.analytics.entity.Platform;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsPlatformsTest {

  final AnalyticsCalculator calculator = new AnalyticsCalculator();

  @Test
  void everyPlatformIsListedWithItsCountShareAndTheMostUsedIsNamed() {
    Platforms p =
        calculator
            .calculate(
                AnalyticsRequest.allTime(ZoneOffset.UTC, Instant.parse("2025-03-20T12:00:00Z")),
                List.of(
                    booking("z1").meetingUrl("https://zoom.us/j/1").build(),
                    booking("z2").location("integrations:zoom").build(),
                    booking("z3").meetingUrl("https://us06web.ZOOM.us/j/3").build(),
                    booking("g1").meetingUrl("https://meet.google.com/a").build(),
                    booking("c1").location("integrations:daily").build(),
                    booking("o1").location("Café Central").build()))
            .platforms();

    assertThat(p.byPlatform())
        .containsExactly(
            new PlatformShare(Platform.GOOGLE_MEET, 1, 17),
            new PlatformShare(Platform.ZOOM, 3, 50),
            new PlatformShare(Platform.CAL_VIDEO, 1, 17),
            new PlatformShare(Platform.OTHER, 1, 17));
    assertThat(p.mostUsed()).isEqualTo(Platform.ZOOM);
  }
}
