package io.wearflow.jobs.activity.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Altitude;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Distance;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Peak;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Trend;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivitySummarizerTest {

  private static final double NaN = Double.NaN;

  @Test
  void handWorkedSummaryOfEveryMetric() {
    Map<ActivityMetric, SecondSeries> series = new EnumMap<>(ActivityMetric.class);
    put(series, ActivityMetric.POWER, 100, 200, NaN, 0, 300);
    put(series, ActivityMetric.CADENCE, 80, 0, 90, NaN, 100);
    put(series, ActivityMetric.SPEED, 5, 10, NaN, 0);
    put(series, ActivityMetric.HEART_RATE, 120, 130, NaN, 110, 140);
    put(series, ActivityMetric.ALTITUDE, 100, 101, 102, 103.5, 103, 99, 100, 95);
    put(series, ActivityMetric.DISTANCE, 0, 10, NaN, 30, 45);
    put(series, ActivityMetric.SMO2, 60, 55, 50);

    ActivitySummarySummary summary = ActivitySummarizer.summarize(series);

    // gap seconds skipped, the zero second counted: (100 + 200 + 0 + 300) / 4
    assertThat(summary.power()).isEqualTo(new Peak(150, 300));
    // coasting (0 rpm) not averaged in: (80 + 90 + 100) / 3
    assertThat(summary.cadence()).isEqualTo(new Peak(90, 100));
    assertThat(summary.speed()).isEqualTo(new Peak(5, 10));
    assertThat(summary.heartRate()).isEqualTo(new Trend(120, 140, 110, 140, 125));
    // 3 m hysteresis: +3.5 (100 -> 103.5), -4.5 (-> 99), -4 (-> 95); the 1 m wiggles count nothing
    assertThat(summary.altitude()).isEqualTo(new Altitude(3.5, 8.5, 95, 103.5, 803.5 / 8));
    assertThat(summary.distance()).isEqualTo(new Distance(45));
    assertThat(summary.smo2()).isEqualTo(new Trend(60, 50, 50, 60, 55));
    assertThat(summary.temperature()).isNull();
    assertThat(summary.coreTemperature()).isNull();
  }

  @Test
  void withoutADistanceSeriesTheDistanceIsTheIntegratedSpeed() {
    Map<ActivityMetric, SecondSeries> series = new EnumMap<>(ActivityMetric.class);
    put(series, ActivityMetric.SPEED, 5, 10, NaN, 0, 2.5);

    assertThat(ActivitySummarizer.summarize(series).distance()).isEqualTo(new Distance(17.5));
  }

  @Test
  void aMetricWithoutAnyRecordedSecondHasNoSummary() {
    Map<ActivityMetric, SecondSeries> series = new EnumMap<>(ActivityMetric.class);
    put(series, ActivityMetric.POWER);
    put(series, ActivityMetric.HEART_RATE, NaN);

    ActivitySummarySummary summary = ActivitySummarizer.summarize(series);

    assertThat(summary.power()).isNull();
    assertThat(summary.heartRate()).isNull();
    assertThat(summary.distance()).isNull();
  }

  @Test
  void fromReadingsToSummaryTheSpikeIsNotTheMaximum() {
    long t0 = 1_700_000_000_000L;
    MetricSamples readings =
        new MetricSamples(
            ActivityMetric.POWER,
            new long[] {t0, t0 + 1000, t0 + 2000, t0 + 3000},
            new double[] {200, 30_000, 220, 240});

    SecondSeries power = SecondSeries.resample(SpikeGuard.screen(readings).kept());

    assertThat(ActivitySummarizer.summarize(Map.of(ActivityMetric.POWER, power)).power())
        .isEqualTo(new Peak((200 + 200 + 220 + 240) / 4.0, 240));
  }

  private static void put(
      Map<ActivityMetric, SecondSeries> series, ActivityMetric metric, double... values) {
    series.put(metric, new SecondSeries(metric, 0, values));
  }
}
