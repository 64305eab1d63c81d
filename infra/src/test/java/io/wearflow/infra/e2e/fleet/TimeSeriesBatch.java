package io.wearflow.infra.e2e.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code PUT /api/0.1/activity_timeseries/} body built point by point: one recorder, points of
 * the series {@code steps} (count), {@code distance} (m) and {@code calories} (J), each {@code
 * [epoch_seconds, value]} for the minute starting there. It keeps the points so that a test can
 * compute what the actigraphy should show ({@link ExpectedDays}).
 */
final class TimeSeriesBatch {

  static final String STEPS = "steps";
  static final String DISTANCE = "distance";
  static final String CALORIES = "calories";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SERIES = List.of(STEPS, DISTANCE, CALORIES);

  /**
   * One point as sent.
   *
   * @param series steps, distance or calories
   * @param start the start of its minute
   * @param value count, metres or joules over that minute
   */
  record Point(String series, Instant start, double value) {}

  private final String recorderTypeKey;
  private final String recorderIdentifier;
  private final List<Point> points = new ArrayList<>();

  private TimeSeriesBatch(String recorderTypeKey, String recorderIdentifier) {
    this.recorderTypeKey = recorderTypeKey;
    this.recorderIdentifier = recorderIdentifier;
  }

  /** An empty batch of the recorder ({@code recorder_type_key}, {@code recorder_identifier}). */
  static TimeSeriesBatch of(String recorderTypeKey, String recorderIdentifier) {
    return new TimeSeriesBatch(recorderTypeKey, recorderIdentifier);
  }

  TimeSeriesBatch steps(Instant start, double count) {
    return add(STEPS, start, count);
  }

  TimeSeriesBatch distance(Instant start, double metres) {
    return add(DISTANCE, start, metres);
  }

  TimeSeriesBatch calories(Instant start, double joules) {
    return add(CALORIES, start, joules);
  }

  TimeSeriesBatch add(String series, Instant start, double value) {
    points.add(new Point(series, start, value));
    return this;
  }

  /** A copy with the value of {@code series} at {@code start} changed (a correction). */
  TimeSeriesBatch withValue(String series, Instant start, double value) {
    TimeSeriesBatch copy = new TimeSeriesBatch(recorderTypeKey, recorderIdentifier);
    boolean found = false;
    for (Point p : points) {
      boolean match = p.series().equals(series) && p.start().equals(start);
      found |= match;
      copy.points.add(match ? new Point(series, start, value) : p);
    }
    if (!found) {
      throw new IllegalArgumentException("no " + series + " point at " + start);
    }
    return copy;
  }

  List<Point> points() {
    return List.copyOf(points);
  }

  String recorderTypeKey() {
    return recorderTypeKey;
  }

  /** The request body; series without points are left out. */
  String toJson() {
    return toNode().toString();
  }

  /** The request body as a tree, for tests that break it. */
  ObjectNode toNode() {
    ObjectNode body = JSON.createObjectNode();
    body.put("recorder_type_key", recorderTypeKey);
    body.put("recorder_identifier", recorderIdentifier);
    ObjectNode timeSeries = body.putObject("time_series");
    for (String series : SERIES) {
      List<Point> of = points.stream().filter(p -> p.series().equals(series)).toList();
      if (of.isEmpty()) {
        continue;
      }
      ArrayNode values = timeSeries.putObject(series).putArray("values");
      for (Point p : of) {
        ArrayNode pair = values.addArray().add(p.start().getEpochSecond());
        if (p.value() == Math.rint(p.value())) {
          pair.add((long) p.value());
        } else {
          pair.add(p.value());
        }
      }
    }
    return body;
  }
}
