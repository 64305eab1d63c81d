package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.RECEIVED;
import static io.wearflow.jobs.userday.TestSamples.bpm;
import static io.wearflow.jobs.userday.TestSamples.calories;
import static io.wearflow.jobs.userday.TestSamples.distance;
import static io.wearflow.jobs.userday.TestSamples.sample;
import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleRulesTest {

  private static final String START = "2023-11-01T08:04:51+04:00";
  private static final String END = "2023-11-01T08:04:58+04:00";

  @Test
  void acceptsTheFourDataTypesInTheirUnits() {
    assertThat(SampleRules.problemWith(steps(START, END, 14).build())).isEmpty();
    assertThat(SampleRules.problemWith(bpm(START, END, 72).build())).isEmpty();
    assertThat(SampleRules.problemWith(bpm(START, 72).setUnit("count/s").setValue(1.2).build()))
        .isEmpty();
    assertThat(SampleRules.problemWith(distance(START, END, 9.5).build())).isEmpty();
    assertThat(SampleRules.problemWith(calories(START, END, 2100).build())).isEmpty();
  }

  @Test
  void rejectsAnIntervalEndingBeforeItStarts() {
    assertThat(SampleRules.problemWith(steps(END, START, 14).build()))
        .contains("end_time is before start_time");
  }

  @Test
  void rejectsAnIntervalLongerThanTwoDays() {
    assertThat(
            SampleRules.problemWith(
                steps("2023-10-30T00:00:00Z", "2023-11-01T00:00:00.001Z", 14).build()))
        .contains("interval of PT48H0.001S is longer than PT48H");
    assertThat(
            SampleRules.problemWith(steps("2023-10-30T00:00:00Z", "2023-11-01T00:00Z", 14).build()))
        .isEmpty();
  }

  @Test
  void rejectsAStartMoreThanADayAfterItWasReceived() {
    // received 2023-11-03T10:00Z
    assertThat(SampleRules.problemWith(bpm("2023-11-04T10:00:00.001Z", 70).build()))
        .contains("start_time is more than PT24H after received_at");
    assertThat(SampleRules.problemWith(bpm(RECEIVED.plusSeconds(86_400).toString(), 70).build()))
        .isEmpty();
  }

  @Test
  void rejectsAnOffsetBeyondEighteenHoursAndADayStartHourOutsideTheDay() {
    assertThat(SampleRules.problemWith(steps(START, END, 14).setZoneOffsetSeconds(64_801).build()))
        .contains("zone_offset_seconds 64801 is beyond +-64800");
    assertThat(SampleRules.problemWith(steps(START, END, 14).setDayStartHour(24).build()))
        .contains("day_start_hour 24 is not in 0..23");
  }

  @Test
  void rejectsUnknownDataTypes() {
    assertThat(SampleRules.problemWith(sample("sleep", "s", START, END, 7).build()))
        .contains("data_type sleep is not one of steps, distance, calories, bpm");
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
    assertThat(SampleRules.problemWith(distance(START, END, 70).setUnit("km").build()))
        .contains("distance must have unit m, not km");
    assertThat(SampleRules.problemWith(calories(START, END, 70).setUnit("kcal").build()))
        .contains("calories must have unit J, not kcal");
  }

  @Test
  void rejectsImplausiblyLargeValues() {
    assertThat(SampleRules.problemWith(steps(START, END, 300_001).build()))
        .contains("steps value 300001.0 is above 300000.0");
    assertThat(SampleRules.problemWith(bpm(START, 51).setUnit("count/s").build()))
        .contains("bpm value 3060.0 is above 3000.0");
    assertThat(SampleRules.problemWith(distance(START, END, 1_000_001).build()))
        .contains("distance value 1000001.0 is above 1000000.0");
  }

  @Test
  void heartRateInCountPerSecondIsReadInCountPerMinute() {
    assertThat(SampleRules.value(bpm(START, 1.5).setUnit("count/s").build())).isEqualTo(90.0);
    assertThat(SampleRules.value(bpm(START, 72).build())).isEqualTo(72.0);
    assertThat(SampleRules.value(steps(START, END, 14).build())).isEqualTo(14.0);
  }
}
