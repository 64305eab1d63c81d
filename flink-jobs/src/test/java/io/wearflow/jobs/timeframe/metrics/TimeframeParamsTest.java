package io.wearflow.jobs.timeframe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeframeParamsTest {

  @Test
  void emptyParamsTakeTheDefaults() {
    assertThat(TimeframeParams.fromJson(Map.of())).isEqualTo(TimeframeParams.DEFAULTS);
  }

  @Test
  void theReferencesMaxHrZeroMeansNotGiven() {
    assertThat(TimeframeParams.fromJson(Map.of("max_hr", 0)).maxHr()).isNull();
    assertThat(TimeframeParams.fromJson(Map.of("max_hr", 189)).maxHr()).isEqualTo(189.0);
  }

  @Test
  void durationsAreSecondsInJson() {
    TimeframeParams params =
        TimeframeParams.fromJson(
            Map.of("acceleration_min_duration", 0.7, "max_gap", 3, "intensity_span", 60));

    assertThat(params.accelerationMinDurationMillis()).isEqualTo(700);
    assertThat(params.maxGapMillis()).isEqualTo(3_000);
    assertThat(params.intensitySpanMillis()).isEqualTo(60_000);
    assertThat(params.toJson())
        .containsEntry("acceleration_min_duration", 0.7)
        .containsEntry("max_gap", 3.0)
        .containsEntry("intensity_span", 60.0)
        .containsEntry("hid_thresholds", List.of(4.0, 5.0));
  }

  @Test
  void aBadValueIsRefusedNamingItsKey() {
    assertThatThrownBy(() -> TimeframeParams.fromJson(Map.of("sprint_thresholds", "fast")))
        .hasMessageContaining("sprint_thresholds");
    assertThatThrownBy(() -> TimeframeParams.fromJson(Map.of("hid_thresholds", List.of(5, 4))))
        .hasMessageContaining("hid_thresholds");
    assertThatThrownBy(() -> TimeframeParams.fromJson(Map.of("speed_ranges", List.of(1, 2))))
        .hasMessageContaining("speed_ranges");
    assertThatThrownBy(() -> TimeframeParams.fromJson(Map.of("max_gap", 0)))
        .hasMessageContaining("max_gap");
  }
}
