package io.wearflow.infra.generate;

/**
 * Speed of a rider from power: Newton's second law with rolling resistance, aerodynamic drag and
 * gravity, {@code m dv/dt = η P / v - m g (Crr cos θ + sin θ) - ½ ρ CdA v²}, integrated in quarter
 * seconds. Air density falls with altitude. Descents are braked at {@link #MAX_SPEED}.
 */
public final class CyclingPhysics {

  static final double GRAVITY = 9.81;
  static final double CRR = 0.004;
  static final double CDA = 0.32;
  static final double DRIVETRAIN_EFFICIENCY = 0.975;
  static final double MAX_SPEED = 18;
  private static final int STEPS_PER_SECOND = 4;

  private final double massKg;

  public CyclingPhysics(double massKg) {
    this.massKg = massKg;
  }

  /** Air density at an altitude, kg/m³. */
  static double airDensity(double altitude) {
    return 1.225 * Math.exp(-altitude / 8500);
  }

  /** The speed one second later, m/s, when riding at {@code power} W on a {@code grade}. */
  public double nextSpeed(double speed, double power, double grade, double altitude) {
    double rho = airDensity(altitude);
    double theta = Math.atan(grade);
    double resistance = massKg * GRAVITY * (CRR * Math.cos(theta) + Math.sin(theta));
    double v = speed;
    double dt = 1.0 / STEPS_PER_SECOND;
    for (int i = 0; i < STEPS_PER_SECOND; i++) {
      double propulsion = DRIVETRAIN_EFFICIENCY * power / Math.max(v, 1.0);
      double drag = 0.5 * rho * CDA * v * v;
      v += (propulsion - resistance - drag) / massKg * dt;
      v = Math.max(0, Math.min(MAX_SPEED, v));
    }
    return v;
  }

  /** The speed at which {@code power} W just balances the resistances (bisection), m/s. */
  public double steadySpeed(double power, double grade, double altitude) {
    double rho = airDensity(altitude);
    double theta = Math.atan(grade);
    double lo = 0;
    double hi = 40;
    for (int i = 0; i < 60; i++) {
      double v = (lo + hi) / 2;
      double needed =
          v
              * (massKg * GRAVITY * (CRR * Math.cos(theta) + Math.sin(theta))
                  + 0.5 * rho * CDA * v * v);
      if (needed < DRIVETRAIN_EFFICIENCY * power) {
        lo = v;
      } else {
        hi = v;
      }
    }
    return lo;
  }
}
