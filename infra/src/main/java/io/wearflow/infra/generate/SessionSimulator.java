package io.wearflow.infra.generate;

import io.wearflow.infra.generate.GeneratedActivity.Range;
import io.wearflow.infra.generate.GeneratedActivity.Sample;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one planned session second by second.
 *
 * <p>Rides: a target power per segment (warm-up, endurance at 66-72 % FTP, interval efforts of 4-8
 * min at 105-120 % FTP, 12 s sprints towards the athlete's sprint power, cool-down) with
 * autocorrelated noise; outside efforts the rider pushes harder uphill, coasts (0 W, cadence 0)
 * downhill and now and then for a few seconds on the flat. Speed comes from {@link CyclingPhysics},
 * altitude from the {@link Terrain} at the distance covered. Laps change at every interval-ride
 * segment; an endurance ride is one lap.
 *
 * <p>Runs: a target speed per segment (easy 74-78 %, long 70-75 %, tempo 95-99 % of threshold
 * speed), slower uphill, with noise; cadence 160-185 steps per minute (stored as strides); a lap
 * every 5 km.
 *
 * <p>Heart rate follows intensity through {@link HeartRateModel}; temperature follows season and
 * time of day.
 */
public final class SessionSimulator {

  private static final double[] SPRINT_SHAPE = {
    0.70, 0.95, 1.0, 0.98, 0.95, 0.92, 0.88, 0.85, 0.82, 0.79, 0.76, 0.73
  };

  private enum Part {
    STEADY,
    EFFORT,
    SPRINT
  }

  /** A stretch of constant target (W for rides, m/s for runs); {@code lap} starts a new lap. */
  private record Segment(int seconds, double target, Part part, boolean lap) {}

  private SessionSimulator() {}

  public static GeneratedActivity simulate(PlannedSession session) {
    SplittableRandom random = new SplittableRandom(session.seed());
    return session.kind().isRide() ? ride(session, random) : run(session, random);
  }

  private static GeneratedActivity ride(PlannedSession session, SplittableRandom random) {
    Athlete athlete = session.athlete();
    double ftp = athlete.ftpWatts();
    List<Segment> segments = rideSegments(session, random, ftp);
    Terrain terrain =
        terrain(session, random, session.kind() == SessionKind.INTERVAL_RIDE ? 0.5 : 1);
    CyclingPhysics physics = new CyclingPhysics(athlete.systemMassKg());
    HeartRateModel heart = new HeartRateModel(athlete);
    Instant start = session.start().toInstant();

    List<Sample> samples = new ArrayList<>();
    List<Range> efforts = new ArrayList<>();
    double speed = 0;
    double distance = 0;
    double noise = 0;
    int coasting = 0;
    int lap = 0;
    for (Segment segment : segments) {
      if (segment.lap() || lap == 0) {
        lap++;
      }
      double sprintPeak = athlete.sprintWatts() * (0.95 + 0.1 * random.nextDouble());
      int from = samples.size();
      for (int s = 0; s < segment.seconds(); s++) {
        double altitude = terrain.altitude(distance);
        double grade = terrain.grade(distance);
        noise = 0.8 * noise + 0.6 * 0.05 * random.nextGaussian();
        double power;
        switch (segment.part()) {
          case SPRINT -> power = sprintPeak * SPRINT_SHAPE[Math.min(s, SPRINT_SHAPE.length - 1)];
          case EFFORT -> power = segment.target() * (1 + noise);
          default -> {
            if (coasting == 0 && random.nextDouble() < 1 / 300.0) {
              coasting = 3 + random.nextInt(13);
            }
            if (coasting > 0 || grade < -0.04) {
              power = 0;
              coasting = Math.max(0, coasting - 1);
            } else {
              power = segment.target() * clamp(1 + 5 * grade, 0.5, 1.35) * (1 + noise);
            }
          }
        }
        int watts = (int) Math.round(Math.max(0, power));
        speed = physics.nextSpeed(speed, watts, grade, altitude);
        distance += speed;
        double heartRate = heart.next(watts / ftp);
        int cadence =
            watts == 0
                ? 0
                : (int)
                    Math.round(
                        clamp(
                            88 + 10 * (watts / ftp - 0.7) + 1.5 * random.nextGaussian(), 80, 100));
        samples.add(
            sample(
                session,
                start,
                samples.size(),
                watts,
                heartRate,
                speed,
                cadence,
                altitude,
                distance,
                lap));
      }
      if (segment.part() == Part.EFFORT) {
        efforts.add(new Range(from, samples.size()));
      }
    }
    return new GeneratedActivity(session, samples, efforts);
  }

  private static List<Segment> rideSegments(
      PlannedSession session, SplittableRandom random, double ftp) {
    int total = session.durationSeconds();
    List<Segment> segments = new ArrayList<>();
    if (session.kind() == SessionKind.ENDURANCE_RIDE) {
      double endurance = ftp * (0.66 + 0.06 * random.nextDouble());
      segments.add(new Segment(600, ftp * 0.6, Part.STEADY, true));
      segments.add(new Segment(total - 900, endurance, Part.STEADY, false));
      segments.add(new Segment(300, ftp * 0.55, Part.STEADY, false));
      return segments;
    }
    segments.add(new Segment(900, ftp * 0.6, Part.STEADY, true));
    int used = 900;
    int efforts = 4 + random.nextInt(3);
    for (int e = 0; e < efforts; e++) {
      int seconds = 240 + 30 * random.nextInt(9);
      double intensity =
          clamp(1.20 - 0.15 * (seconds - 240) / 240.0 + 0.02 * random.nextGaussian(), 1.05, 1.20);
      segments.add(new Segment(seconds, ftp * intensity, Part.EFFORT, true));
      int recovery = seconds * 3 / 4;
      segments.add(new Segment(recovery, ftp * 0.5, Part.STEADY, true));
      used += seconds + recovery;
    }
    int sprints = 3 + random.nextInt(3);
    for (int s = 0; s < sprints; s++) {
      segments.add(new Segment(SPRINT_SHAPE.length, 0, Part.SPRINT, s == 0));
      segments.add(new Segment(180, ftp * 0.55, Part.STEADY, false));
      used += SPRINT_SHAPE.length + 180;
    }
    int remaining = total - used - 600;
    if (remaining >= 300) {
      segments.add(new Segment(remaining, ftp * 0.68, Part.STEADY, true));
    }
    segments.add(new Segment(600, ftp * 0.5, Part.STEADY, true));
    return segments;
  }

  private static GeneratedActivity run(PlannedSession session, SplittableRandom random) {
    Athlete athlete = session.athlete();
    double threshold = athlete.thresholdSpeed();
    int total = session.durationSeconds();
    List<Segment> segments = new ArrayList<>();
    switch (session.kind()) {
      case TEMPO_RUN -> {
        int tempo = 1200 + 60 * random.nextInt(11);
        segments.add(new Segment(900, threshold * 0.72, Part.STEADY, false));
        segments.add(
            new Segment(
                tempo, threshold * (0.95 + 0.04 * random.nextDouble()), Part.EFFORT, false));
        segments.add(
            new Segment(Math.max(300, total - 900 - tempo), threshold * 0.72, Part.STEADY, false));
      }
      case LONG_RUN ->
          segments.add(
              new Segment(
                  total, threshold * (0.70 + 0.05 * random.nextDouble()), Part.STEADY, false));
      default -> {
        segments.add(new Segment(300, threshold * 0.68, Part.STEADY, false));
        segments.add(
            new Segment(
                total - 300, threshold * (0.74 + 0.04 * random.nextDouble()), Part.STEADY, false));
      }
    }
    Terrain terrain = terrain(session, random, 0.4);
    HeartRateModel heart = new HeartRateModel(athlete);
    Instant start = session.start().toInstant();
    List<Sample> samples = new ArrayList<>();
    List<Range> efforts = new ArrayList<>();
    double speed = 0;
    double distance = 0;
    double noise = 0;
    for (Segment segment : segments) {
      int from = samples.size();
      for (int s = 0; s < segment.seconds(); s++) {
        double altitude = terrain.altitude(distance);
        double grade = terrain.grade(distance);
        noise = 0.9 * noise + 0.44 * 0.02 * random.nextGaussian();
        double effort = segment.target() * (1 + noise);
        double target = effort * clamp(1 - 4 * grade, 0.7, 1.15);
        // Accelerating from standing takes a few seconds.
        speed = speed + Math.min(1.0, target - speed);
        distance += speed;
        double heartRate = heart.next(effort / threshold);
        double steps =
            clamp(
                160 + 25 * (speed / threshold - 0.65) / 0.4 + 1.5 * random.nextGaussian(),
                160,
                185);
        int lap = 1 + (int) (distance / 5000);
        samples.add(
            sample(
                session,
                start,
                samples.size(),
                null,
                heartRate,
                speed,
                (int) Math.round(steps / 2),
                altitude,
                distance,
                lap));
      }
      if (segment.part() == Part.EFFORT) {
        efforts.add(new Range(from, samples.size()));
      }
    }
    return new GeneratedActivity(session, samples, efforts);
  }

  private static Terrain terrain(
      PlannedSession session, SplittableRandom random, double hilliness) {
    double base = session.start().getZone().equals(SeasonPlan.CAMP) ? 1650 : 120;
    return new Terrain(random, base, hilliness * (0.5 + random.nextDouble()));
  }

  private static Sample sample(
      PlannedSession session,
      Instant start,
      int second,
      Integer power,
      double heartRate,
      double speed,
      int cadence,
      double altitude,
      double distance,
      int lap) {
    Instant at = start.plusSeconds(second);
    return new Sample(
        at,
        power,
        (int) Math.round(heartRate),
        Math.round(speed * 1000) / 1000.0,
        cadence,
        Math.round(altitude * 5) / 5.0,
        Math.round(distance * 100) / 100.0,
        temperature(at.atZone(session.start().getZone())),
        lap);
  }

  /** Air temperature as the device reads it: season and time of day, a little above the air. */
  static int temperature(ZonedDateTime at) {
    double season = Math.cos(2 * Math.PI * (at.getDayOfYear() - 20) / 365.25);
    double base = at.getZone().equals(SeasonPlan.CAMP) ? 11 - 12 * season : 10 - 9.5 * season;
    double hour = at.getHour() + at.getMinute() / 60.0;
    double diurnal = 4.5 * Math.sin(2 * Math.PI * (hour - 9) / 24);
    return (int) Math.round(base + diurnal + 2);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
