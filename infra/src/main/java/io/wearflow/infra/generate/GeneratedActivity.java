package io.wearflow.infra.generate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated session: one sample per second, laps marked in the samples, and for interval rides
 * the efforts (sample index ranges) it was built from.
 */
public record GeneratedActivity(PlannedSession session, List<Sample> samples, List<Range> efforts) {

  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");

  /**
   * One second of recording, with every value already at the resolution the files store (so FIT,
   * CSV and this record agree).
   *
   * @param power W, null for runs
   * @param heartRate bpm
   * @param speed m/s, 0.001 steps
   * @param cadence rpm for rides (0 when coasting), strides per minute for runs (half the steps, as
   *     FIT stores running cadence)
   * @param altitude m, 0.2 steps
   * @param distance m from the start, 0.01 steps
   * @param temperature °C
   * @param lap 1-based lap number
   */
  public record Sample(
      Instant timestamp,
      Integer power,
      int heartRate,
      double speed,
      int cadence,
      double altitude,
      double distance,
      int temperature,
      int lap) {}

  /** Sample indices {@code [from, to)}. */
  public record Range(int from, int to) {}

  public GeneratedActivity {
    samples = List.copyOf(samples);
    efforts = List.copyOf(efforts);
  }

  public ZoneId zone() {
    return session.start().getZone();
  }

  /** The offset of local time at the start, as the files record it. */
  public ZoneOffset localOffset() {
    return zone().getRules().getOffset(samples.get(0).timestamp());
  }

  public int durationSeconds() {
    return samples.size();
  }

  /** Distance covered, m. */
  public double distance() {
    return samples.get(samples.size() - 1).distance();
  }

  /** The laps as sample index ranges, in order. */
  public List<Range> laps() {
    List<Range> laps = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= samples.size(); i++) {
      if (i == samples.size() || samples.get(i).lap() != samples.get(from).lap()) {
        laps.add(new Range(from, i));
        from = i;
      }
    }
    return laps;
  }

  /**
   * File name without extension: local start and kind, e.g. {@code 2024-05-01-1815-interval-ride}.
   */
  public String baseName() {
    return NAME.format(session.start()) + "-" + session.kind().label();
  }
}
