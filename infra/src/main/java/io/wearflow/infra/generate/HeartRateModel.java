package io.wearflow.infra.generate;

/**
 * Heart rate following exercise intensity (power over FTP, or grade-adjusted speed over threshold
 * speed) with a first-order lag (time constant 20 s rising, 40 s falling) and cardiac drift (+3 bpm
 * per hour at endurance intensity and above). The steady-state heart rate rises linearly from rest
 * to threshold heart rate at intensity 1, then towards the maximum at intensity 1.3.
 */
public final class HeartRateModel {

  static final double TAU_RISE = 20;
  static final double TAU_FALL = 40;
  static final double DRIFT_PER_HOUR = 3;

  private final Athlete athlete;
  private double heartRate;
  private long elapsedSeconds;

  public HeartRateModel(Athlete athlete) {
    this.athlete = athlete;
    this.heartRate = athlete.restHeartRate() + 20;
  }

  /** The steady-state heart rate at an intensity, without drift, bpm. */
  public double steadyState(double intensity) {
    double rest = athlete.restHeartRate();
    double threshold = athlete.thresholdHeartRate();
    if (intensity <= 1) {
      return rest + (threshold - rest) * Math.max(0, intensity);
    }
    double above = Math.min(1, (intensity - 1) / 0.3);
    return threshold + (athlete.maxHeartRate() - threshold) * above;
  }

  /** Advances one second at {@code intensity}; the heart rate at the end of it, bpm. */
  public double next(double intensity) {
    elapsedSeconds++;
    double drift = DRIFT_PER_HOUR * elapsedSeconds / 3600.0 * Math.min(1, intensity / 0.6);
    double target = Math.min(athlete.maxHeartRate(), steadyState(intensity) + drift);
    double tau = target > heartRate ? TAU_RISE : TAU_FALL;
    heartRate += (target - heartRate) * (1 - Math.exp(-1 / tau));
    return heartRate;
  }
}
