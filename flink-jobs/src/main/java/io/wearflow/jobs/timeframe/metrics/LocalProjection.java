package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;

/**
 * Turns latitude/longitude into local metres with an equirectangular projection around the first
 * point it sees: {@code x = R * Δlon * cos(lat0)}, {@code y = R * Δlat} (radians, R = 6 371 008.8
 * m, the mean Earth radius). Over a pitch or a track (a few kilometres) the error against the
 * great-circle distance stays far below the positioning noise (about 0.1 % at 5 km).
 */
public final class LocalProjection implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Mean Earth radius, metres. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private boolean anchored;
  private double originLatitude;
  private double originLongitude;
  private double cosOriginLatitude;

  /** Local metres {x east, y north} of {@code frame}'s position (metre frames pass through). */
  public double[] toMetres(Frame frame) {
    if (!frame.geographic()) {
      return new double[] {frame.x(), frame.y()};
    }
    double latitude = frame.y();
    double longitude = frame.x();
    if (!anchored) {
      anchored = true;
      originLatitude = latitude;
      originLongitude = longitude;
      cosOriginLatitude = Math.cos(Math.toRadians(latitude));
    }
    return new double[] {
      EARTH_RADIUS_METRES * Math.toRadians(longitude - originLongitude) * cosOriginLatitude,
      EARTH_RADIUS_METRES * Math.toRadians(latitude - originLatitude)
    };
  }
}
