package io.wearflow.jobs.timeframe;

import io.wearflow.schemas.tracking.TrackingFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stretch of a match: {@code devices} players tracked at 10 Hz for {@code seconds},
 * each running a 30 s cycle of walking, a hard acceleration into a 7 m/s sprint, a deceleration,
 * jogging and a shorter, slower sprint, along a slowly turning path. Positions only (the job
 * derives speeds), heart rate on every frame.
 */
final class SimulatedHalf {

  /** Speed keypoints of one 30 s cycle: {second, m/s}; the second sprint's speed is per device. */
  private static final double[][] CYCLE = {
    {0, 1.5},
    {8, 1.5},
    {9.5, 7.0},
    {13.5, 7.0},
    {15.5, 2.0},
    {22, 3.5},
    {24, 3.5},
    {25, -1},
    {27, -1},
    {28, 1.5},
    {30, 1.5}
  };

  /** One recorded frame: epoch ms, local metres, bpm. */
  record Sample(long timestamp, double x, double y, double heartRate) {}

  private SimulatedHalf() {}

  /** The samples of device {@code device} (1-based) from {@code start}, every 100 ms. */
  static List<Sample> samples(int device, long start, int seconds) {
    List<Sample> samples = new ArrayList<>();
    double x = 20 * device;
    double y = 10;
    double secondSprint = 5.5 + 0.3 * device;
    for (int i = 0; i <= seconds * 10; i++) {
      double t = i / 10.0;
      if (i > 0) {
        double mid = t - 0.05;
        double speed = speed((mid + 7 * device) % 30, secondSprint);
        double heading = 0.02 * mid + device;
        x += speed * 0.1 * Math.cos(heading);
        y += speed * 0.1 * Math.sin(heading);
      }
      double bpm = Math.round((130 + 30 * Math.sin(t / 20 + device)) * 10) / 10.0;
      samples.add(new Sample(start + i * 100L, x, y, bpm));
    }
    return samples;
  }

  static TrackingFrame frame(long device, Sample sample) {
    return TrackingFrame.newBuilder()
        .setDeviceId(device)
        .setTimestamp(Instant.ofEpochMilli(sample.timestamp()))
        .setX(sample.x())
        .setY(sample.y())
        .setHeartRate(sample.heartRate())
        .setReceivedAt(Instant.ofEpochMilli(sample.timestamp() + 150))
        .build();
  }

  private static double speed(double second, double secondSprint) {
    for (int k = 1; k < CYCLE.length; k++) {
      if (second <= CYCLE[k][0]) {
        double v0 = CYCLE[k - 1][1] < 0 ? secondSprint : CYCLE[k - 1][1];
        double v1 = CYCLE[k][1] < 0 ? secondSprint : CYCLE[k][1];
        double f = (second - CYCLE[k - 1][0]) / (CYCLE[k][0] - CYCLE[k - 1][0]);
        return v0 + f * (v1 - v0);
      }
    }
    return CYCLE[CYCLE.length - 1][1];
  }
}
