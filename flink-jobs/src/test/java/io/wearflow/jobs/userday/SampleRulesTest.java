package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.bpm;
import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleRulesTest {

  private static final String START = "2023-11-01T08:04:51+04:00";
  private static final String END = "2023-11-01T08:04:58+04:00";

  @Test
  void acceptsSamplesAsTheApiDescribesThem() {
    assertThat(SampleRules.problemWith(steps(START, END, 14).build())).isEmpty();
    assertThat(SampleRules.problemWith(bpm(START, END, 72).build())).isEmpty();
    assertThat(SampleRules.problemWith(bpm(START, 72).setUnit("count/s").setValue(1.2).build()))
        .isEmpty();
  }

  @Test
  void rejectsAnIntervalEndingBeforeItStarts() {
    assertThat(SampleRules.problemWith(steps(END, START, 14).build()))
        .contains("end_time is before start_time");
  }

  @Test
  void rejectsAnOffsetBeyondEighteenHours() {
    assertThat(SampleRules.problemWith(steps(START, END, 14).setZoneOffsetSeconds(64_801).build()))
        .contains("zone_offset_seconds 64801 is beyond +-64800");
  }

  @Test
  void rejectsValuesThatAreNotFiniteOrNegative() {
    assertThat(SampleRules.problemWith(steps(START, END, Double.NaN).build()))
        .contains("value NaN is not a finite number >= 0");
    assertThat(SampleRules.problemWith(bpm(START, END, -1).build()))
        .contains("value -1.0 is not a finite number >= 0");
  }

  @Test
  void rejectsUnitsThatDoNotFitTheDataType() {
    assertThat(SampleRules.problemWith(steps(START, END, 14).setUnit("count/min").build()))
        .contains("steps must have unit count, not count/min");
    assertThat(SampleRules.problemWith(bpm(START, END, 70).setUnit("count").build()))
        .contains("bpm must have unit count/min or count/s, not count");
  }

  @Test
  void rejectsImplausiblyLargeValues() {
    assertThat(SampleRules.problemWith(steps(START, END, 300_001).build()))
        .contains("steps value 300001.0 is above 300000.0");
    assertThat(SampleRules.problemWith(bpm(START, 51).setUnit("count/s").build()))
        .contains("bpm value 3060.0 is above 3000.0 count/min");
  }

  @Test
  void heartRateInCountPerSecondIsReadInCountPerMinute() {
    assertThat(SampleRules.value(bpm(START, 1.5).setUnit("count/s").build())).isEqualTo(90.0);
    assertThat(SampleRules.value(bpm(START, 72).build())).isEqualTo(72.0);
    assertThat(SampleRules.value(steps(START, END, 14).build())).isEqualTo(14.0);
  }
}
