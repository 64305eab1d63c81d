package io.wearflow.infra.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhysiologyTest {

  private final Athlete athlete = Athlete.startOfSeason();

  @Test
  void steadySpeedBalancesPowerAgainstRollingAeroAndGravity() {
    CyclingPhysics physics = new CyclingPhysics(80);

    for (double grade : new double[] {0, 0.05, -0.02}) {
      double v = physics.steadySpeed(250, grade, 100);
      double theta = Math.atan(grade);
      double rho = 1.225 * Math.exp(-100 / 8500.0);
      double needed =
          v * (80 * 9.81 * (0.004 * Math.cos(theta) + Math.sin(theta)) + 0.5 * rho * 0.32 * v * v);
      assertThat(needed).isCloseTo(0.975 * 250, within(0.01));
    }
    assertThat(physics.steadySpeed(250, 0, 100)).isBetween(9.5, 11.0);
    assertThat(physics.steadySpeed(250, 0.08, 100)).isBetween(3.0, 4.0);
  }

  @Test
  void integratedSpeedSettlesAtTheSteadySpeedAndCoastingSlowsDown() {
    CyclingPhysics physics = new CyclingPhysics(80);
    double v = 0;
    for (int s = 0; s < 300; s++) {
      v = physics.nextSpeed(v, 250, 0.02, 100);
    }
    assertThat(v).isCloseTo(physics.steadySpeed(250, 0.02, 100), within(0.01));

    assertThat(physics.nextSpeed(v, 0, 0, 100)).isLessThan(v);
    assertThat(physics.nextSpeed(5, 0, -0.10, 100)).isGreaterThan(5);
  }

  @Test
  void heartRateApproachesItsTargetWithAFirstOrderLag() {
    HeartRateModel heart = new HeartRateModel(athlete);
    double hr = 0;
    for (int s = 0; s < 600; s++) {
      hr = heart.next(0.5);
    }
    double target = heart.steadyState(1.0);
    for (int s = 0; s < 20; s++) {
      hr = heart.next(1.0);
    }
    // Drift adds about 0.5 bpm over those 10 minutes.
    double low = 48 + (168 - 48) * 0.5;
    double expected = target - (target - low) * Math.exp(-20 / HeartRateModel.TAU_RISE);
    assertThat(hr).isCloseTo(expected, within(1.0));
    assertThat(heart.steadyState(1.0)).isEqualTo(168);
    assertThat(heart.steadyState(1.3)).isEqualTo(185);
    assertThat(heart.steadyState(3.0)).isEqualTo(185);
  }

  @Test
  void heartRateDriftsAboutThreeBeatsPerHourAtEnduranceIntensity() {
    HeartRateModel heart = new HeartRateModel(athlete);
    double atHalfHour = 0;
    double atThreeHours = 0;
    for (int s = 1; s <= 3 * 3600; s++) {
      double hr = heart.next(0.7);
      if (s == 1800) {
        atHalfHour = hr;
      }
      atThreeHours = hr;
    }
    assertThat(atThreeHours - atHalfHour).isCloseTo(2.5 * 3, within(0.3));
  }

  @Test
  void gradeIsTheSlopeOfTheAltitudeProfile() {
    Terrain terrain = new Terrain(new SplittableRandom(3), 120, 1);
    for (double d = 0; d < 20_000; d += 777) {
      double slope = (terrain.altitude(d + 0.5) - terrain.altitude(d - 0.5)) / 1.0;
      assertThat(terrain.grade(d)).isCloseTo(slope, within(1e-4));
      assertThat(Math.abs(terrain.grade(d))).isLessThan(0.15);
      assertThat(terrain.altitude(d)).isPositive();
    }
  }
}
