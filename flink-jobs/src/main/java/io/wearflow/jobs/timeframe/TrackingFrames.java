package io.wearflow.jobs.timeframe;

import io.wearflow.jobs.timeframe.metrics.Frame;
import io.wearflow.schemas.tracking.TrackingFrame;

/** Turns the {@code tracking} topic's frames into the metrics' {@link Frame}s. */
final class TrackingFrames {

  private TrackingFrames() {}

  /**
   * The frame in metres when {@code x} and {@code y} are set, else in degrees when latitude and
   * longitude are; null when neither pair is complete (the edge never accepts such a frame).
   */
  static Frame toFrame(TrackingFrame frame) {
    long timestamp = frame.getTimestamp().toEpochMilli();
    if (frame.getX() != null && frame.getY() != null) {
      return Frame.metres(
          timestamp, frame.getX(), frame.getY(), frame.getSpeed(), frame.getHeartRate());
    }
    if (frame.getLatitude() != null && frame.getLongitude() != null) {
      return Frame.geographic(
          timestamp,
          frame.getLatitude(),
          frame.getLongitude(),
          frame.getSpeed(),
          frame.getHeartRate());
    }
    return null;
  }
}
