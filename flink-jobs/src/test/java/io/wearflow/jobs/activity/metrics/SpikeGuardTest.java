package io.wearflow.jobs.activity.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpikeGuardTest {

  @Test
  void readingsOutsideTheBoundsAreRemovedAndReported() {
    long[] timestamps = {0, 1000, 2000, 3000, 4000, 5000};
    double[] bpm = {120, 24, 250, 251, Double.NaN, Double.POSITIVE_INFINITY};

    SpikeGuard.Screened screened =
        SpikeGuard.screen(new MetricSamples(ActivityMetric.HEART_RATE, timestamps, bpm));

    assertThat(screened.kept().timestampsMillis()).containsExactly(0, 2000, 4000);
    assertThat(screened.kept().values()).containsExactly(120, 250, Double.NaN);
    assertThat(screened.report().removed()).isEqualTo(3);
    assertThat(screened.report().clean()).isFalse();
    assertThat(screened.report().firstSpikes())
        .containsExactly(
            new SpikeGuard.Spike(1000, 24),
            new SpikeGuard.Spike(3000, 251),
            new SpikeGuard.Spike(5000, Double.POSITIVE_INFINITY));
  }

  @Test
  void onlyTheFirstSpikesAreListedButAllAreCounted() {
    long[] timestamps = new long[25];
    double[] watts = new double[25];
    for (int i = 0; i < 25; i++) {
      timestamps[i] = i * 1000L;
      watts[i] = -1 - i;
    }

    SpikeGuard.Report report =
        SpikeGuard.screen(new MetricSamples(ActivityMetric.POWER, timestamps, watts)).report();

    assertThat(report.removed()).isEqualTo(25);
    assertThat(report.firstSpikes()).hasSize(SpikeGuard.LISTED_SPIKES);
    assertThat(report.firstSpikes().get(0)).isEqualTo(new SpikeGuard.Spike(0, -1));
  }

  @Test
  void aCleanSeriesPassesUnchanged() {
    MetricSamples samples =
        new MetricSamples(ActivityMetric.SMO2, new long[] {0, 1000}, new double[] {0, 100});

    SpikeGuard.Screened screened = SpikeGuard.screen(samples);

    assertThat(screened.kept()).isSameAs(samples);
    assertThat(screened.report().clean()).isTrue();
  }
}
