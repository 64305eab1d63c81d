package io.wearflow.jobs.timeframe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Segments of 250 ms; speeds are multiples of 0.25 m/s so every acceleration ({@code dv * 4}) and
 * distance (trapezoid {@code (v0 + v1) / 2 * 0.25}) is exact.
 */
class AccelerationDetectorTest {

  private final AccelerationDetector accelerations =
      new AccelerationDetector(List.of(2.0, 3.0), false, 500);
  private final AccelerationDetector decelerations =
      new AccelerationDetector(List.of(2.0, 3.0), true, 500);

  /** Feeds frames 250 ms apart from t = 0 with these speeds, as trapezoid segments. */
  private static void feed(AccelerationDetector detector, double... speeds) {
    for (int i = 1; i < speeds.length; i++) {
      detector.accept(segment(i, speeds[i - 1], speeds[i]));
    }
  }

  private static Segment segment(int index, double from, double to) {
    return new Segment((index - 1) * 250L, index * 250L, (from + to) / 2 * 0.25, from, to);
  }

  @Test
  void accelerationStartingBelowIsCountedFromTheCrossing() {
    // accelerations per segment: 1, 2, 3, 3, 2, 1 m/s²
    feed(accelerations, 0, 0.25, 0.75, 1.5, 2.25, 2.75, 3.0);

    List<ThresholdEvents> events = accelerations.events();
    // >= 2: segments 2..5 (250 ms to 1250 ms), distance 0.125 + 0.28125 + 0.46875 + 0.625
    assertThat(events.get(0).threshold()).isEqualTo(2.0);
    assertThat(events.get(0).values())
        .containsExactly(new ThresholdEvent(250, 3.0, 1000, 1.5, 0.25, 2.75));
    // >= 3: segments 3..4 (500 ms to 1000 ms), 0.28125 + 0.46875, exactly the minimum duration
    assertThat(events.get(1).values())
        .containsExactly(new ThresholdEvent(500, 3.0, 500, 0.75, 0.75, 2.25));
  }

  @Test
  void aShortDipEndsTheEventAndEachPartIsJudgedAlone() {
    // accelerations: 3, 3, 3, 1 (a 250 ms dip), 3, 3, then 0
    feed(accelerations, 0, 0.75, 1.5, 2.25, 2.5, 3.25, 4.0, 4.0);

    ThresholdEvents twoOrMore = accelerations.events().get(0);
    assertThat(twoOrMore.values())
        .extracting(ThresholdEvent::startTime, ThresholdEvent::durationMillis)
        .containsExactly(tuple(0L, 750L), tuple(1000L, 500L));
  }

  @Test
  void partsShorterThanTheMinimumAreDropped() {
    // accelerations: 3, 1, 3, 0 — two 250 ms parts, each under 0.5 s
    feed(accelerations, 0, 0.75, 1.0, 1.75, 1.75);

    assertThat(accelerations.events()).allSatisfy(t -> assertThat(t.values()).isEmpty());
  }

  @Test
  void decelerationsReportTheMostNegativeValueAndAPositiveThreshold() {
    // accelerations: -1, -2, -3.5, -2, -1
    feed(decelerations, 4.0, 3.75, 3.25, 2.375, 1.875, 1.625);

    List<ThresholdEvents> events = decelerations.events();
    assertThat(events.get(0).threshold()).isEqualTo(2.0);
    // segments 2..4 (250 to 1000 ms): (3.75+3.25)/8 + (3.25+2.375)/8 + (2.375+1.875)/8
    // = 0.875 + 0.703125 + 0.53125 = 2.109375
    assertThat(events.get(0).values())
        .containsExactly(new ThresholdEvent(250, -3.5, 750, 2.109375, 3.75, 1.875));
    // <= -3: only one 250 ms segment, under the minimum
    assertThat(events.get(1).values()).isEmpty();
  }

  @Test
  void aGapOrAnUnknownStartSpeedEndsTheEvent() {
    feed(accelerations, 0, 0.75, 1.5, 2.25);
    accelerations.breakRun();
    accelerations.accept(new Segment(5000, 5250, 0.6, Double.NaN, 3.0));
    accelerations.accept(new Segment(5250, 5500, 0.9, 3.0, 3.75));
    accelerations.accept(new Segment(5500, 5750, 1.1, 3.75, 4.5));

    assertThat(accelerations.events().get(0).values())
        .extracting(ThresholdEvent::startTime, ThresholdEvent::durationMillis)
        .containsExactly(tuple(0L, 750L), tuple(5250L, 500L));
  }

  @Test
  void anOpenEventIsReportedOnceLongEnoughAndKeepsGrowing() {
    feed(accelerations, 0, 0.75);
    assertThat(accelerations.events().get(0).values()).isEmpty();

    accelerations.accept(segment(2, 0.75, 1.5));
    assertThat(accelerations.events().get(0).values())
        .extracting(ThresholdEvent::durationMillis)
        .containsExactly(500L);

    accelerations.accept(segment(3, 1.5, 2.25));
    assertThat(accelerations.events().get(0).values())
        .extracting(ThresholdEvent::durationMillis, ThresholdEvent::endSpeed)
        .containsExactly(tuple(750L, 2.25));
  }
}
