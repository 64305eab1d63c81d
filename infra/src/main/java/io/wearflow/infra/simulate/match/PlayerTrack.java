package io.wearflow.infra.simulate.match;

import java.util.SplittableRandom;

/**
 * The movement of one simulated player on a 105 m x 68 m pitch, one frame per tick: jogging at
 * changing speeds (at most 1.2 m/s² of change), and from time to time a sprint (accelerating at
 * 2.5-4 m/s² to 5.5-8.5 m/s, holding it 1-3 s, decelerating at 2.5-4.5 m/s² to a jog). Heading
 * drifts and turns back towards the pitch near the lines. Heart rate follows the speed with a 20 s
 * time constant. Deterministic for a seed.
 */
public final class PlayerTrack {

  static final double PITCH_LENGTH = 105;
  static final double PITCH_WIDTH = 68;
  private static final double JOG_ACCELERATION = 1.2;

  /** One frame as sent: epoch ms, metres, m/s, bpm. */
  public record Point(long timestamp, double x, double y, double speed, double heartRate) {}

  private enum Phase {
    JOG,
    SPRINT_UP,
    SPRINT_HOLD,
    SPRINT_DOWN
  }

  private final SplittableRandom random;
  private final double tickSeconds;
  private final double sprintsPerSecond;
  private double x;
  private double y;
  private double heading;
  private double speed;
  private double heartRate;
  private Phase phase = Phase.JOG;
  private double target;
  private double nextTargetIn;
  private double rate;
  private double topSpeed;
  private double holdLeft;

  /**
   * @param seed random seed
   * @param rateHz frames per second
   * @param meanSecondsBetweenSprints average time between two sprints
   */
  public PlayerTrack(long seed, int rateHz, double meanSecondsBetweenSprints) {
    this.random = new SplittableRandom(seed);
    this.tickSeconds = 1.0 / rateHz;
    this.sprintsPerSecond = 1.0 / meanSecondsBetweenSprints;
    this.x = 10 + random.nextDouble() * (PITCH_LENGTH - 20);
    this.y = 5 + random.nextDouble() * (PITCH_WIDTH - 10);
    this.heading = random.nextDouble() * 2 * Math.PI;
    this.speed = random.nextDouble() * 2;
    this.heartRate = 90 + random.nextDouble() * 20;
    this.target = speed;
  }

  /** Advances one tick and returns the frame at {@code timestamp}. */
  public Point next(long timestamp) {
    double dt = tickSeconds;
    switch (phase) {
      case JOG -> {
        nextTargetIn -= dt;
        if (nextTargetIn <= 0) {
          target = 0.3 + random.nextDouble() * 3.2;
          nextTargetIn = 3 + random.nextDouble() * 5;
        }
        double step = JOG_ACCELERATION * dt;
        speed += Math.max(-step, Math.min(step, target - speed));
        if (random.nextDouble() < sprintsPerSecond * dt) {
          phase = Phase.SPRINT_UP;
          rate = 2.5 + random.nextDouble() * 1.5;
          topSpeed = 5.5 + random.nextDouble() * 3;
        }
      }
      case SPRINT_UP -> {
        speed = Math.min(topSpeed, speed + rate * dt);
        if (speed >= topSpeed) {
          phase = Phase.SPRINT_HOLD;
          holdLeft = 1 + random.nextDouble() * 2;
        }
      }
      case SPRINT_HOLD -> {
        holdLeft -= dt;
        if (holdLeft <= 0) {
          phase = Phase.SPRINT_DOWN;
          rate = 2.5 + random.nextDouble() * 2;
        }
      }
      case SPRINT_DOWN -> {
        speed = Math.max(0, speed - rate * dt);
        if (speed <= 2) {
          phase = Phase.JOG;
          target = speed;
          nextTargetIn = 2;
        }
      }
    }
    steer(dt);
    x += speed * dt * Math.cos(heading);
    y += speed * dt * Math.sin(heading);
    x = Math.max(0, Math.min(PITCH_LENGTH, x));
    y = Math.max(0, Math.min(PITCH_WIDTH, y));
    double restingTarget = Math.min(195, 75 + 16 * speed);
    heartRate += (restingTarget - heartRate) * dt / 20;
    return new Point(
        timestamp, round(x, 100), round(y, 100), round(speed, 1000), round(heartRate, 10));
  }

  private void steer(double dt) {
    double margin = 6;
    if (x < margin || x > PITCH_LENGTH - margin || y < margin || y > PITCH_WIDTH - margin) {
      double towardsCentre = Math.atan2(PITCH_WIDTH / 2 - y, PITCH_LENGTH / 2 - x);
      double difference =
          Math.atan2(Math.sin(towardsCentre - heading), Math.cos(towardsCentre - heading));
      heading += Math.max(-2 * dt, Math.min(2 * dt, difference));
    } else if (phase == Phase.JOG) {
      heading += (random.nextDouble() - 0.5) * 1.2 * dt;
    }
  }

  private static double round(double value, double scale) {
    return Math.round(value * scale) / scale;
  }
}
