package io.wearflow.jobs.activity;

import static io.wearflow.jobs.activity.TestActivities.activity;
import static io.wearflow.jobs.activity.TestActivities.lap;
import static io.wearflow.jobs.activity.TestActivities.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.activities.AnalyzedActivity;
import io.wearflow.jobs.activity.metrics.ActivityMetric;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A six-second ride worked by hand: power 100, 200, (30 kW spike), 300, 100, 0 W; heart rate 120 to
 * 170 bpm in steps of 10; distance 0 to 25 m in steps of 5; two laps of three seconds. The spike is
 * removed and the 200 W before it held over its second, so the power seconds are 100, 200, 200,
 * 300, 100, 0.
 */
class ActivityAnalyzerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2024-05-01T06:00:00Z");
  private static final long S0 = T0.getEpochSecond();

  private static ActivityAnalysis analysis;
  private static AnalyzedActivity result;

  @BeforeAll
  static void analyse() {
    double[] power = {100, 200, 30_000, 300, 100, 0};
    List<ActivityRecord> records = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      records.add(
          record("a-1", 7, T0.plusSeconds(s))
              .setPower(power[s])
              .setHeartRate(120.0 + 10 * s)
              .setDistance(5.0 * s)
              .build());
    }
    Collections.reverse(records); // any order
    UploadedActivity activity =
        activity("a-1", 7, T0, T0.plusSeconds(5), 6)
            .setLaps(List.of(lap(T0, T0.plusSeconds(3)), lap(T0.plusSeconds(3), T0.plusSeconds(6))))
            .build();
    analysis = ActivityAnalyzer.analyze(activity, records);
    result = ActivityResults.of(analysis);
  }

  @Test
  void theSpikeIsRemovedAndTheReadingBeforeItHeld() {
    assertThat(analysis.series().get(ActivityMetric.POWER).values())
        .containsExactly(100, 200, 200, 300, 100, 0);
    assertThat(analysis.series().get(ActivityMetric.POWER).startEpochSecond()).isEqualTo(S0);
  }

  @Test
  void metricsListDurationThenTheRecordedMetricsInOrder() {
    assertThat(result.metrics()).containsExactly("duration", "power", "heart_rate", "distance");
  }

  @Test
  void summaryHasTheApiShape() throws Exception {
    JsonNode summary = JSON.readTree(result.summaryJson());
    assertThat(summary.get("power").get("max").asDouble()).isEqualTo(300);
    assertThat(summary.get("power").get("mean").asDouble()).isEqualTo(150); // 900 / 6
    JsonNode heartRate = summary.get("heart_rate");
    assertThat(heartRate.get("start").asDouble()).isEqualTo(120);
    assertThat(heartRate.get("end").asDouble()).isEqualTo(170);
    assertThat(heartRate.get("min").asDouble()).isEqualTo(120);
    assertThat(heartRate.get("max").asDouble()).isEqualTo(170);
    assertThat(heartRate.get("mean").asDouble()).isEqualTo(145);
    assertThat(summary.get("distance").get("sum").asDouble()).isEqualTo(25);
    assertThat(summary.has("speed")).isFalse();
    assertThat(result.distance()).isEqualTo(25);
  }

  @Test
  void eachLapSummarisesItsOwnSeconds() throws Exception {
    JsonNode laps = JSON.readTree(result.lapsJson());
    assertThat(laps).hasSize(2);
    JsonNode first = laps.get(0);
    assertThat(first.get("start").asText()).isEqualTo("2024-05-01T06:00:00Z");
    assertThat(first.get("end").asText()).isEqualTo("2024-05-01T06:00:03Z");
    assertThat(first.get("start_local").asText()).isEqualTo("2024-05-01T08:00:00+02:00");
    assertThat(first.get("end_local").asText()).isEqualTo("2024-05-01T08:00:03+02:00");
    assertThat(first.get("duration").asText()).isEqualTo("PT3S");
    assertThat(first.get("power").get("mean").asDouble()).isCloseTo(500 / 3.0, within(1e-9));
    assertThat(first.get("power").get("max").asDouble()).isEqualTo(200);
    assertThat(first.get("heart_rate").get("mean").asDouble()).isEqualTo(130);
    assertThat(first.get("distance").get("sum").asDouble()).isEqualTo(10);
    JsonNode second = laps.get(1);
    assertThat(second.get("power").get("mean").asDouble()).isCloseTo(400 / 3.0, within(1e-9));
    assertThat(second.get("power").get("max").asDouble()).isEqualTo(300);
    assertThat(second.get("heart_rate").get("start").asDouble()).isEqualTo(150);
    assertThat(second.get("heart_rate").get("end").asDouble()).isEqualTo(170);
    assertThat(second.get("distance").get("sum").asDouble()).isEqualTo(10);
  }

  @Test
  void qualityReportsTheRemovedSpike() throws Exception {
    JsonNode power = JSON.readTree(result.qualityJson()).get("power");
    assertThat(power.get("removed").asInt()).isEqualTo(1);
    assertThat(power.get("first").get(0).get("timestamp").asText())
        .isEqualTo("2024-05-01T06:00:02Z");
    assertThat(power.get("first").get(0).get("value").asDouble()).isEqualTo(30_000);
    assertThat(JSON.readTree(result.qualityJson()).has("heart_rate")).isFalse();
  }

  @Test
  void meanMaxIsComputedForIntensitiesOnly() {
    assertThat(result.meanMax())
        .extracting(AnalyzedActivity.MeanMax::metric)
        .containsExactly("power", "heart_rate");
    AnalyzedActivity.MeanMax power = result.meanMax()[0];
    // d=1: 300 at s3; d=2: 200+300 at s2; d=3: 200+200+300 at s1; d=6: 900/6 at s0.
    assertThat(power.best()[0]).isEqualTo(300);
    assertThat(power.bestStart()[0]).isEqualTo(S0 + 3);
    assertThat(power.best()[1]).isEqualTo(250);
    assertThat(power.bestStart()[1]).isEqualTo(S0 + 2);
    assertThat(power.best()[2]).isCloseTo(700 / 3.0, within(1e-9));
    assertThat(power.bestStart()[2]).isEqualTo(S0 + 1);
    assertThat(power.best()[5]).isEqualTo(150);
    assertThat(power.bestStart()[5]).isEqualTo(S0);
    AnalyzedActivity.MeanMax heartRate = result.meanMax()[1];
    assertThat(heartRate.best()[1]).isEqualTo(165);
    assertThat(heartRate.bestStart()[1]).isEqualTo(S0 + 4);
  }

  @Test
  void awdCountsSecondsAtOrAboveEveryWatt() {
    AnalyzedActivity.WorkDuration power = result.workDurations()[0];
    assertThat(power.metric()).isEqualTo("power");
    assertThat(power.levelStep()).isEqualTo(1);
    long[] atOrAbove = power.secondsAtOrAbove();
    assertThat(atOrAbove).hasSize(302); // levels 0..301 W
    assertThat(atOrAbove[0]).isEqualTo(6);
    assertThat(atOrAbove[1]).isEqualTo(5);
    assertThat(atOrAbove[100]).isEqualTo(5);
    assertThat(atOrAbove[101]).isEqualTo(3);
    assertThat(atOrAbove[200]).isEqualTo(3);
    assertThat(atOrAbove[201]).isEqualTo(1);
    assertThat(atOrAbove[300]).isEqualTo(1);
    assertThat(atOrAbove[301]).isZero();
  }

  @Test
  void theSeriesOfEveryRecordedMetricIsKept() {
    assertThat(result.series())
        .extracting(AnalyzedActivity.MetricSeries::metric)
        .containsExactly("power", "heart_rate", "distance");
    assertThat(result.series()[2].values()).containsExactly(0, 5, 10, 15, 20, 25);
    assertThat(result.devices()).containsExactly("Test Head Unit");
    assertThat(result.localOffsetSeconds()).isEqualTo(7200);
  }

  @Test
  void theLocalDateIsTheStartsDateAtTheLocalOffset() {
    UploadedActivity lateEvening =
        activity("a-2", 7, Instant.parse("2024-05-01T22:30:00Z"), T0, 1).build();
    assertThat(ActivityAnalyzer.localDate(lateEvening)).isEqualTo(LocalDate.parse("2024-05-02"));
    assertThat(
            ActivityAnalyzer.localDate(
                activity("a-3", 7, T0, T0, 1).setLocalOffsetSeconds(null).build()))
        .isEqualTo(LocalDate.parse("2024-05-01"));
    assertThat(result.localDate()).isEqualTo(LocalDate.parse("2024-05-01"));
  }

  @Test
  void withoutLapsTheLapsAreNull() {
    AnalyzedActivity noLaps =
        ActivityResults.of(
            ActivityAnalyzer.analyze(
                activity("a-4", 7, T0, T0, 1).build(),
                List.of(record("a-4", 7, T0).setSpeed(5.0).build())));
    assertThat(noLaps.lapsJson()).isNull();
    assertThat(noLaps.qualityJson()).isEqualTo("{}");
    assertThat(noLaps.distance()).isEqualTo(5); // speed integrated over its one second
    assertThat(noLaps.workDurations()[0].levelStep()).isEqualTo(0.1);
  }
}
