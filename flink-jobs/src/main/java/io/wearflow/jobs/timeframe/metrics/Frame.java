package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;

/**
 * One live tracking frame of a device: when (epoch milliseconds), where, and optionally the
 * device's own speed and the wearer's heart rate.
 *
 * <p>The position is either local metres ({@link #metres}: {@code x} east, {@code y} north) or
 * geographic degrees ({@link #geographic}: then {@code x} is the longitude and {@code y} the
 * latitude, projected to metres by {@link LocalProjection}).
 *
 * @param timestamp epoch milliseconds
 * @param x metres east, or longitude in degrees when {@code geographic}
 * @param y metres north, or latitude in degrees when {@code geographic}
 * @param geographic whether {@code x}/{@code y} are longitude/latitude degrees
 * @param speed the device's speed in m/s, or null to derive it from the positions
 * @param heartRate heart rate in bpm, or null
 */
public record Frame(
    long timestamp, double x, double y, boolean geographic, Double speed, Double heartRate)
    implements Serializable {

  /** A frame positioned in local metres. */
  public static Frame metres(long timestamp, double x, double y, Double speed, Double heartRate) {
    return new Frame(timestamp, x, y, false, speed, heartRate);
  }

  /** A frame positioned by latitude and longitude in degrees (WGS84). */
  public static Frame geographic(
      long timestamp, double latitude, double longitude, Double speed, Double heartRate) {
    return new Frame(timestamp, longitude, latitude, true, speed, heartRate);
  }
}
