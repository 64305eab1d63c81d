package io.wearflow.infra.generate;

import java.util.SplittableRandom;

/**
 * A smooth rolling route: altitude as a sum of sine waves over the distance covered (wavelengths of
 * 600 m to 8 km), so that grades stay realistic (a few percent, steeper on hilly routes).
 */
public final class Terrain {

  private static final double[] WAVELENGTHS = {8000, 2300, 650};
  private static final double[] AMPLITUDES = {35, 12, 3.5};

  private final double base;
  private final double[] amplitudes = new double[WAVELENGTHS.length];
  private final double[] phases = new double[WAVELENGTHS.length];

  /**
   * @param base mean altitude, m
   * @param hilliness 0 (flat) to about 1 (rolling hills, grades up to about 8 %)
   */
  public Terrain(SplittableRandom random, double base, double hilliness) {
    this.base = base;
    for (int k = 0; k < WAVELENGTHS.length; k++) {
      amplitudes[k] = AMPLITUDES[k] * hilliness * (0.6 + 0.8 * random.nextDouble());
      phases[k] = 2 * Math.PI * random.nextDouble();
    }
  }

  /** Altitude at {@code distance} metres from the start, m. */
  public double altitude(double distance) {
    double altitude = base;
    for (int k = 0; k < WAVELENGTHS.length; k++) {
      altitude += amplitudes[k] * Math.sin(2 * Math.PI * distance / WAVELENGTHS[k] + phases[k]);
    }
    return altitude;
  }

  /** Grade (rise over run, 0.05 = 5 %) at {@code distance} metres from the start. */
  public double grade(double distance) {
    double grade = 0;
    for (int k = 0; k < WAVELENGTHS.length; k++) {
      double w = 2 * Math.PI / WAVELENGTHS[k];
      grade += amplitudes[k] * w * Math.cos(w * distance + phases[k]);
    }
    return grade;
  }
}
