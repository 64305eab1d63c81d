package io.wearflow.jobs.timeframe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked frame sequences through the whole accumulator (speed smoothing off unless said). */
class TimeframeMetricsTest {

  private static final double EPS = 1e-9;

  private static TimeframeParams params(Object... keysAndValues) {
    Map<String, Object> json = new HashMap<>();
    json.put("speed_smoothing_window", 0);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      json.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return TimeframeParams.fromJson(json);
  }

  private static Frame speed(long t, double x, Double speed) {
    return Frame.metres(t, x, 0, speed, null);
  }

  private static Frame heart(long t, double bpm) {
    return Frame.metres(t, 0, 0, null, bpm);
  }

  @Test
  void sprintsAcrossTheTimeframeBoundariesCountOnlyTheirPartInside() {
    TimeframeMetrics metrics = new TimeframeMetrics(10_000, 20_000, params());
    for (long t = 9_000; t <= 21_000; t += 100) {
      double v = t <= 10_500 || t >= 19_700 ? 6.0 : 3.0;
      metrics.add(speed(t, 0, v));
    }

    ComputedData data = metrics.snapshot(30_000);

    assertThat(data.firstTimestamp()).isEqualTo(10_000);
    assertThat(data.lastTimestamp()).isEqualTo(20_000);
    assertThat(data.lastComputation()).isEqualTo(30_000);
    // first sprint: segments 10.0-10.5 s at 6 m/s = 5 * 0.6 m; the part before 10 s is outside.
    // second: 19.6-20.0 s, (3 + 6) / 2 * 0.1 + 3 * 0.6 = 2.25 m; the part after 20 s is outside.
    List<ThresholdEvent> sprints = data.sprint().get(0).values();
    assertThat(sprints)
        .extracting(ThresholdEvent::startTime, ThresholdEvent::durationMillis)
        .containsExactly(tuple(10_000L, 500L), tuple(19_600L, 400L));
    assertThat(sprints.get(0).distance()).isCloseTo(3.0, within(EPS));
    assertThat(sprints.get(1).distance()).isCloseTo(2.25, within(EPS));
    // 3.0 + 0.45 (6 -> 3) + 90 * 0.3 + 0.45 (3 -> 6) + 3 * 0.6
    assertThat(data.totalDistance()).isCloseTo(32.7, within(EPS));
    assertThat(data.averageSpeed()).isCloseTo(3.27, within(EPS));
    assertThat(data.maxSpeed()).isEqualTo(6.0);
  }

  @Test
  void aGapBreaksEventsAndAddsNoDistanceOrTime() {
    TimeframeMetrics metrics = new TimeframeMetrics(0, 60_000, params());
    for (int i = 0; i <= 10; i++) {
      metrics.add(speed(i * 100L, i * 0.55, 5.5));
    }
    // 2.5 s without frames (> max_gap 2 s)
    for (int i = 0; i <= 5; i++) {
      metrics.add(speed(3_500 + i * 100L, 100 + i * 0.55, 5.5));
    }

    ComputedData data = metrics.snapshot(4_000);

    // 10 + 5 segments of 0.55 m over 1.5 s
    assertThat(data.totalDistance()).isCloseTo(8.25, within(EPS));
    assertThat(data.averageSpeed()).isCloseTo(5.5, within(EPS));
    assertThat(data.sprint().get(0).values())
        .extracting(ThresholdEvent::startTime, ThresholdEvent::durationMillis)
        .containsExactly(tuple(0L, 1_000L), tuple(3_500L, 500L));
    assertThat(data.intensity().distance()).hasSize(1);
    assertThat(data.intensity().distance().get(0)).isCloseTo(8.25, within(EPS));
  }

  @Test
  void withoutDeviceSpeedDistanceAndSpeedComeFromPositions() {
    TimeframeMetrics metrics = new TimeframeMetrics(0, 60_000, params());
    for (int i = 0; i <= 10; i++) {
      metrics.add(Frame.metres(i * 100L, i * 0.3, i * 0.4, null, null));
    }

    ComputedData data = metrics.snapshot(1_000);

    // each step is a 0.3/0.4/0.5 triangle: 10 * 0.5 m, 5 m/s
    assertThat(data.totalDistance()).isCloseTo(5.0, within(EPS));
    assertThat(data.maxSpeed()).isCloseTo(5.0, within(EPS));
    assertThat(data.hid().get(0).values())
        .extracting(ThresholdEvent::startTime, ThresholdEvent::durationMillis)
        .containsExactly(tuple(0L, 1_000L));
  }

  @Test
  void withDeviceSpeedDistanceIsTheTrapezoidOfTheSpeeds() {
    TimeframeMetrics metrics = new TimeframeMetrics(0, 60_000, params());
    // positions say 1 m per frame, the device says 5 m/s (0.5 m per frame); the frame at 500 ms
    // has no speed, so its two segments fall back to positions
    for (int i = 0; i <= 10; i++) {
      metrics.add(speed(i * 100L, i * 1.0, i == 5 ? null : 5.0));
    }

    assertThat(metrics.snapshot(0).totalDistance()).isCloseTo(8 * 0.5 + 2 * 1.0, within(EPS));
  }

  @Test
  void geographicPositionsAreMeasuredInMetres() {
    TimeframeMetrics metrics = new TimeframeMetrics(0, 60_000, params());
    for (int i = 0; i <= 10; i++) {
      metrics.add(Frame.geographic(i * 1_000L, 45.0 + i * 1e-5, 6.0 + i * 1e-5, null, null));
    }

    // independent: haversine over the same ten steps
    double expected = 0;
    for (int i = 1; i <= 10; i++) {
      expected +=
          haversine(45.0 + (i - 1) * 1e-5, 6.0 + (i - 1) * 1e-5, 45.0 + i * 1e-5, 6.0 + i * 1e-5);
    }
    assertThat(expected).isCloseTo(13.6, within(0.1));
    assertThat(metrics.snapshot(0).totalDistance()).isCloseTo(expected, within(1e-4));
  }

  @Test
  void timeAndDistanceArePerSpeedBandOfTheSegmentEnd() {
    TimeframeMetrics metrics =
        new TimeframeMetrics(0, 60_000, params("speed_ranges", List.of(0, 2, 4)));
    metrics.add(speed(0, 0, 1.0));
    metrics.add(speed(1_000, 0, 1.0)); // band 0: 1 s, 1 m
    metrics.add(speed(2_000, 0, 3.0)); // band 1: 1 s, (1 + 3) / 2 = 2 m
    metrics.add(speed(3_000, 0, 3.0)); // band 1: 1 s, 3 m
    metrics.add(speed(3_500, 0, 5.0)); // band 2: 0.5 s, (3 + 5) / 2 * 0.5 = 2 m
    metrics.add(speed(4_000, 0, 2.0)); // band 1 (2 is its lower bound): 0.5 s, 1.75 m

    ComputedData data = metrics.snapshot(0);

    assertThat(data.speedRanges())
        .containsExactly(
            new SpeedRange(0, 2.0, 1_000, 1.0),
            new SpeedRange(2, 4.0, 2_500, 6.75),
            new SpeedRange(4, null, 500, 2.0));
    JsonNode json = new ObjectMapper().valueToTree(data.toJson());
    JsonNode time = json.get("time_per_speed_ranges");
    assertThat(time.get(1).get("duration").asDouble()).isEqualTo(2.5);
    assertThat(time.get(1).get("ratio").asDouble()).isCloseTo(2.5 / 4, within(EPS));
    assertThat(time.get(2).get("threshold_high").isNull()).isTrue();
    JsonNode distance = json.get("distance_per_speed_ranges");
    assertThat(distance.get(0).get("ratio").asDouble()).isCloseTo(1 / 9.75, within(EPS));
    assertThat(distance.get(2).get("threshold_low").asDouble()).isEqualTo(4.0);
  }

  @Test
  void heartRateZonesAreTimeWeightedAndAGapCountsNowhere() {
    TimeframeMetrics metrics =
        new TimeframeMetrics(0, 60_000, params("max_hr", 189, "hr_zones", List.of(0, 85, 100)));
    double[] bpm = {150, 150, 170, 170, 200};
    for (int i = 0; i < bpm.length; i++) {
      metrics.add(heart(i * 1_000L, bpm[i]));
    }
    metrics.add(heart(7_000, 100)); // 3 s after the last reading: 200 bpm holds nowhere
    metrics.add(heart(8_000, 100));

    ComputedData data = metrics.snapshot(0);

    // below 160.65 bpm: 150 for 2 s + 100 for 1 s; above: 170 for 2 s
    assertThat(data.timePerHrZone())
        .extracting(HrZone::durationMillis, HrZone::rangeBpm, HrZone::rangePercentHrmax)
        .containsExactly(
            tuple(3_000L, List.of(0.0, 160.65), List.of(0.0, 85.0)),
            tuple(2_000L, List.of(160.65, 189.0), List.of(85.0, 100.0)));
    assertThat(data.timePerHrZone())
        .extracting(HrZone::percentageHrmax)
        .containsExactly(60.0, 40.0);
    assertThat(data.hrMin()).isEqualTo(100);
    assertThat(data.hrMax()).isEqualTo(200);
    assertThat(data.hrAvg()).isCloseTo(1040.0 / 7, within(EPS));
    assertThat(data.athleteMaxHr()).isEqualTo(189);
  }

  @Test
  void withoutMaxHrTheZonesUseTheHighestReading() {
    TimeframeMetrics metrics =
        new TimeframeMetrics(0, 60_000, params("hr_zones", List.of(0, 85, 100)));
    metrics.add(heart(0, 160));
    metrics.add(heart(1_000, 170)); // 85 % of 200 = 170: the upper zone starts here
    metrics.add(heart(2_000, 200));
    metrics.add(heart(3_000, 200));

    ComputedData data = metrics.snapshot(0);

    assertThat(data.athleteMaxHr()).isEqualTo(200);
    assertThat(data.timePerHrZone())
        .extracting(HrZone::durationMillis)
        .containsExactly(1_000L, 2_000L);
  }

  @Test
  void withoutHeartRateTheFiguresAreZeroAsInTheReference() {
    TimeframeMetrics metrics = new TimeframeMetrics(0, 60_000, params());
    metrics.add(speed(0, 0, 1.0));

    ComputedData data = metrics.snapshot(0);

    assertThat(List.of(data.hrMin(), data.hrMax(), data.hrAvg(), data.athleteMaxHr()))
        .containsOnly(0.0);
    assertThat(data.timePerHrZone()).isEmpty();
  }

  @Test
  void intensityIsTheDistancePerSpanFromTheStart() {
    TimeframeMetrics metrics = new TimeframeMetrics(0, 60_000, params("intensity_span", 1));
    for (long t = 0; t <= 2_000; t += 500) {
      metrics.add(speed(t, 0, 2.0)); // 1 m per segment
    }
    metrics.add(speed(2_500, 0, 4.0)); // (2 + 4) / 2 * 0.5 = 1.5 m, starts in span 2

    Intensity intensity = metrics.snapshot(0).intensity();

    assertThat(intensity.distance()).containsExactly(2.0, 2.0, 1.5);
    assertThat(intensity.startTime()).isZero();
    assertThat(intensity.endTime()).isEqualTo(3_000);
  }

  @Test
  void framesOutsideTheTimeframeOrNotAfterTheLastAreIgnored() {
    TimeframeMetrics metrics = new TimeframeMetrics(1_000, 2_000, params());

    assertThat(metrics.add(speed(999, 0, 1.0))).isFalse();
    assertThat(metrics.add(speed(1_000, 0, 1.0))).isTrue();
    assertThat(metrics.add(speed(1_000, 5, 9.0))).isFalse();
    assertThat(metrics.add(speed(900, 5, 9.0))).isFalse();
    assertThat(metrics.add(speed(2_000, 0, 1.0))).isTrue();
    assertThat(metrics.add(speed(2_001, 0, 1.0))).isFalse();

    ComputedData data = metrics.snapshot(0);
    assertThat(data.totalDistance()).isEqualTo(1.0);
    assertThat(data.maxSpeed()).isEqualTo(1.0);
  }

  @Test
  void smoothingAppliesBeforeAccelerationsAndMaxSpeed() {
    // window 0.2 s at 10 Hz: the mean of two frames
    TimeframeMetrics metrics =
        new TimeframeMetrics(0, 60_000, params("speed_smoothing_window", 0.2));
    double[] raw = {0, 0, 1, 2, 3, 4, 4, 4};
    for (int i = 0; i < raw.length; i++) {
      metrics.add(speed(i * 100L, 0, raw[i]));
    }

    ComputedData data = metrics.snapshot(0);

    // smoothed: 0, 0, 0.5, 1.5, 2.5, 3.5, 4, 4; accelerations 0, 5, 10, 10, 10, 5, 0 m/s²
    assertThat(data.maxSpeed()).isEqualTo(4.0);
    assertThat(data.accelerations().get(0).values())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.startTime()).isEqualTo(100);
              assertThat(e.durationMillis()).isEqualTo(500);
              assertThat(e.maxValue()).isCloseTo(10.0, within(EPS));
              assertThat(e.initialSpeed()).isEqualTo(0.0);
              assertThat(e.endSpeed()).isEqualTo(4.0);
            });
  }

  @Test
  void jsonHasTheReferenceFieldsAndTheParamsUsed() {
    TimeframeMetrics metrics = new TimeframeMetrics(0, 60_000, TimeframeParams.DEFAULTS);
    for (int i = 0; i <= 30; i++) {
      metrics.add(Frame.metres(i * 100L, 0.6 * i * i / 10, 0, null, 150.0));
    }

    JsonNode json = new ObjectMapper().valueToTree(metrics.snapshot(5_000).toJson());

    assertThat(fieldNames(json))
        .containsExactly(
            "first_timestamp",
            "last_timestamp",
            "last_computation",
            "total_distance",
            "max_speed",
            "average_speed",
            "accelerations",
            "decelerations",
            "sprint",
            "hid",
            "time_per_speed_ranges",
            "distance_per_speed_ranges",
            "intensity",
            "hr_max",
            "hr_min",
            "hr_avg",
            "hr_plot",
            "athlete_max_hr",
            "timePerHrZone",
            "params");
    assertThat(fieldNames(json.get("accelerations"))).containsExactly("threshold_1", "threshold_2");
    assertThat(json.at("/accelerations/threshold_2/threshold").asDouble()).isEqualTo(3.0);
    assertThat(fieldNames(json.at("/accelerations/threshold_1/values/0")))
        .containsExactly(
            "start_time", "max_value", "duration", "distance", "initial_speed", "end_speed");
    assertThat(fieldNames(json.at("/hid/threshold_1/values/0")))
        .containsExactly("start_time", "duration", "max_value", "distance");
    assertThat(json.at("/decelerations/threshold_1/values").isArray()).isTrue();
    assertThat(fieldNames(json.get("intensity")))
        .containsExactly("distance", "start_time", "span", "end_time");
    assertThat(json.at("/intensity/span").asDouble()).isEqualTo(300.0);
    assertThat(fieldNames(json.at("/timePerHrZone/0")))
        .containsExactly("percentage_hrmax", "range_bpm", "range_percent_hrmax");
    assertThat(json.at("/params/acceleration_min_duration").asDouble()).isEqualTo(0.5);
    assertThat(json.at("/params/hid_thresholds/1").asDouble()).isEqualTo(5.0);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static double haversine(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * LocalProjection.EARTH_RADIUS_METRES * Math.asin(Math.sqrt(a));
  }
}
