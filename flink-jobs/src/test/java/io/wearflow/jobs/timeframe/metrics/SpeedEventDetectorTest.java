package io.wearflow.jobs.timeframe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedEventDetectorTest {

  /** 100 ms segments from t = 0 ending at these smoothed speeds; distance = speed * 0.1. */
  private static void feed(SpeedEventDetector detector, double... endSpeeds) {
    for (int i = 0; i < endSpeeds.length; i++) {
      detector.accept(
          new Segment(i * 100L, (i + 1) * 100L, endSpeeds[i] * 0.1, Double.NaN, endSpeeds[i]));
    }
  }

  @Test
  void eachThresholdFindsItsOwnRuns() {
    SpeedEventDetector hid = new SpeedEventDetector(List.of(4.0, 5.0), 0);

    feed(hid, 3.0, 4.0, 4.5, 5.5, 5.0, 4.5, 3.0);

    List<ThresholdEvents> events = hid.events();
    // >= 4: segments 1..5 (100 to 600 ms), 0.4 + 0.45 + 0.55 + 0.5 + 0.45 m
    assertThat(events.get(0).values())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.startTime()).isEqualTo(100);
              assertThat(e.durationMillis()).isEqualTo(500);
              assertThat(e.maxValue()).isEqualTo(5.5);
              assertThat(e.distance()).isCloseTo(2.35, within(1e-12));
              assertThat(e.initialSpeed()).isNull();
            });
    // >= 5: segments 3..4 (300 to 500 ms)
    assertThat(events.get(1).values())
        .extracting(ThresholdEvent::startTime, ThresholdEvent::durationMillis)
        .containsExactly(tuple(300L, 200L));
  }

  @Test
  void aDipOfOneSegmentSplitsTheSprintAsInTheReference() {
    // the reference lists sprints at ...994600 (0.2 s) and ...994900 (0.4 s): one slow segment
    // between them
    SpeedEventDetector sprint = new SpeedEventDetector(List.of(5.0), 0);

    feed(sprint, 5.1, 5.2, 4.9, 5.1, 5.1, 5.1, 5.1, 3.0);

    assertThat(sprint.events().get(0).values())
        .extracting(ThresholdEvent::startTime, ThresholdEvent::durationMillis)
        .containsExactly(tuple(0L, 200L), tuple(300L, 400L));
  }

  @Test
  void runsShorterThanTheMinimumAreDropped() {
    SpeedEventDetector sprint = new SpeedEventDetector(List.of(5.0), 300);

    feed(sprint, 5.1, 5.2, 4.9, 5.1, 5.1, 5.1, 3.0);

    assertThat(sprint.events().get(0).values())
        .extracting(ThresholdEvent::startTime, ThresholdEvent::durationMillis)
        .containsExactly(tuple(300L, 300L));
  }

  @Test
  void aGapEndsTheSprint() {
    SpeedEventDetector sprint = new SpeedEventDetector(List.of(5.0), 0);

    feed(sprint, 6.0, 6.0);
    sprint.breakRun();
    sprint.accept(new Segment(5000, 5100, 0.6, 6.0, 6.0));

    assertThat(sprint.events().get(0).values())
        .extracting(ThresholdEvent::startTime, ThresholdEvent::durationMillis)
        .containsExactly(tuple(0L, 200L), tuple(5000L, 100L));
  }
}
