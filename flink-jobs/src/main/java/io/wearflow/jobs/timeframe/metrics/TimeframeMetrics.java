package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * The live metrics of one timeframe for one device: feed it the device's frames in timestamp order
 * with {@link #add(Frame)} (constant work per frame) and take a {@link #snapshot(long)} whenever
 * the computed data must be published. A snapshot after the last frame is the final result.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Only frames with {@code start <= timestamp <= end} count; a frame not later than the last
 *       one used is ignored (the caller orders frames; a late frame needs a recomputation). An
 *       event crossing a timeframe boundary therefore counts only from the first frame inside to
 *       the last frame inside (no interpolation to the boundary itself).
 *   <li>Two consecutive frames at most {@code max_gap} apart make a segment, the unit every
 *       distance, time and event is counted in. A longer pause adds no distance or time, ends all
 *       open events and restarts the speed smoothing.
 *   <li>A frame's raw speed is the device's speed, else the segment's straight-line distance over
 *       its duration (unknown for the first frame of a run); speeds then go through {@link
 *       SpeedSmoother}, and a segment takes the smoothed speed of its end frame.
 * </ul>
 *
 * <p>The object and all its parts are {@link Serializable} (primitives, arrays, lists, a tree map),
 * so a Flink operator can keep it as one state value.
 */
public final class TimeframeMetrics implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long start;
  private final long end;
  private final TimeframeParams params;
  private final LocalProjection projection = new LocalProjection();
  private final SpeedSmoother smoother;
  private final DistanceAccumulator distance = new DistanceAccumulator();
  private final SpeedRanges speedRanges;
  private final IntensitySpans intensity;
  private final AccelerationDetector accelerations;
  private final AccelerationDetector decelerations;
  private final SpeedEventDetector sprints;
  private final SpeedEventDetector highIntensity;
  private final HeartRateStats heartRate;

  private boolean hasFrame;
  private long firstTimestamp;
  private long lastTimestamp;
  private double[] lastPosition;
  private double lastDeviceSpeed;
  private double lastSmoothedSpeed;
  private double maxSpeed;

  /**
   * @param start the timeframe's start, epoch ms (inclusive)
   * @param end the timeframe's end, epoch ms (inclusive)
   */
  public TimeframeMetrics(long start, long end, TimeframeParams params) {
    if (end < start) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    this.start = start;
    this.end = end;
    this.params = params;
    this.smoother = new SpeedSmoother(params.smoothingWindowMillis());
    this.speedRanges = new SpeedRanges(params.speedRanges());
    this.intensity = new IntensitySpans(start, params.intensitySpanMillis());
    this.accelerations =
        new AccelerationDetector(
            params.accelerationThresholds(), false, params.accelerationMinDurationMillis());
    this.decelerations =
        new AccelerationDetector(
            params.decelerationThresholds(), true, params.accelerationMinDurationMillis());
    this.sprints =
        new SpeedEventDetector(params.sprintThresholds(), params.sprintMinDurationMillis());
    this.highIntensity =
        new SpeedEventDetector(params.hidThresholds(), params.hidMinDurationMillis());
    this.heartRate = new HeartRateStats(params.maxGapMillis());
  }

  /**
   * Adds the device's next frame. A negative, NaN or infinite speed counts as absent, and so does a
   * heart rate that is not positive and finite.
   *
   * @return whether the frame was used (false: outside the timeframe or not after the last one)
   */
  public boolean add(Frame frame) {
    long t = frame.timestamp();
    if (t < start || t > end || (hasFrame && t <= lastTimestamp)) {
      return false;
    }
    double[] position = projection.toMetres(frame);
    double deviceSpeed = validOrNaN(frame.speed(), 0);
    boolean continues = hasFrame && t - lastTimestamp <= params.maxGapMillis();
    if (hasFrame && !continues) {
      smoother.reset();
      accelerations.breakRun();
      decelerations.breakRun();
      sprints.breakRun();
      highIntensity.breakRun();
    }
    double rawSpeed = deviceSpeed;
    double segmentDistance = 0;
    if (continues) {
      long dt = t - lastTimestamp;
      segmentDistance =
          DistanceAccumulator.segmentDistance(
              lastPosition, lastDeviceSpeed, position, deviceSpeed, dt);
      if (Double.isNaN(rawSpeed)) {
        rawSpeed =
            Math.hypot(position[0] - lastPosition[0], position[1] - lastPosition[1]) * 1000.0 / dt;
      }
    }
    double smoothed = smoother.add(t, rawSpeed);
    if (continues) {
      Segment segment = new Segment(lastTimestamp, t, segmentDistance, lastSmoothedSpeed, smoothed);
      distance.add(segment);
      speedRanges.add(segment);
      intensity.add(segment);
      accelerations.accept(segment);
      decelerations.accept(segment);
      sprints.accept(segment);
      highIntensity.accept(segment);
    }
    if (!Double.isNaN(smoothed)) {
      maxSpeed = Math.max(maxSpeed, smoothed);
    }
    double bpm = validOrNaN(frame.heartRate(), Double.MIN_VALUE);
    if (!Double.isNaN(bpm)) {
      heartRate.add(t, bpm);
    }
    if (!hasFrame) {
      hasFrame = true;
      firstTimestamp = t;
    }
    lastTimestamp = t;
    lastPosition = position;
    lastDeviceSpeed = deviceSpeed;
    lastSmoothedSpeed = smoothed;
    return true;
  }

  /** The computed data as of now, open events included as if they ended at the last frame. */
  public ComputedData snapshot(long computedAtMillis) {
    double athleteMaxHr =
        params.maxHr() != null ? params.maxHr() : heartRate.isEmpty() ? 0 : heartRate.max();
    List<HrZone> zones =
        athleteMaxHr > 0 ? heartRate.zones(athleteMaxHr, params.hrZones()) : List.of();
    return new ComputedData(
        hasFrame ? firstTimestamp : null,
        hasFrame ? lastTimestamp : null,
        computedAtMillis,
        distance.totalMetres(),
        maxSpeed,
        distance.averageSpeed(),
        accelerations.events(),
        decelerations.events(),
        sprints.events(),
        highIntensity.events(),
        speedRanges.ranges(),
        intensity.intensity(),
        heartRate.max(),
        heartRate.min(),
        heartRate.average(),
        athleteMaxHr,
        zones,
        params);
  }

  /** Epoch ms of the last frame used, or {@code Long.MIN_VALUE} before any. */
  public long lastTimestamp() {
    return hasFrame ? lastTimestamp : Long.MIN_VALUE;
  }

  private static double validOrNaN(Double value, double lowest) {
    return value != null && Double.isFinite(value) && value >= lowest ? value : Double.NaN;
  }
}
