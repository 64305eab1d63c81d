package io.wearflow.http.activities.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AdaptiveSamplingTest {

  @Test
  void shortSeriesKeepEveryPoint() {
    assertThat(AdaptiveSampling.keep(new double[] {1, 2, 3}, 1000)).containsExactly(0, 1, 2);
  }

  @Test
  void longSeriesKeepAtMostTheLimitWithEndsAndPeaks() {
    double[] values = new double[7200];
    for (int i = 0; i < values.length; i++) {
      values[i] = 200 + 20 * Math.sin(i / 300.0);
    }
    values[4321] = 1100; // a sprint
    values[5000] = Double.NaN; // a gap second

    int[] kept = AdaptiveSampling.keep(values, 1000);

    assertThat(kept).hasSize(1000);
    assertThat(kept[0]).isZero();
    assertThat(kept[kept.length - 1]).isEqualTo(7199);
    assertThat(kept).contains(4321, 5000);
    int[] sorted = kept.clone();
    Arrays.sort(sorted);
    assertThat(kept).isEqualTo(sorted).doesNotHaveDuplicates();
  }
}
