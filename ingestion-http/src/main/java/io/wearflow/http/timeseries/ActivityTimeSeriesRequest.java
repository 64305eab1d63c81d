package io.wearflow.http.timeseries;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code PUT /api/0.1/activity_timeseries/} request that passed {@link
 * ActivityTimeSeriesValidator}.
 *
 * @param recorderTypeKey make/model of the recorder, e.g. {@code test_model}
 * @param recorderIdentifier the specific recorder, e.g. a serial number
 * @param series the points of each series sent, in request order (series absent when not sent)
 */
public record ActivityTimeSeriesRequest(
    String recorderTypeKey,
    String recorderIdentifier,
    Map<SeriesType, List<TimeSeriesPoint>> series) {

  public ActivityTimeSeriesRequest {
    Objects.requireNonNull(recorderTypeKey, "recorderTypeKey");
    Objects.requireNonNull(recorderIdentifier, "recorderIdentifier");
    EnumMap<SeriesType, List<TimeSeriesPoint>> copy = new EnumMap<>(SeriesType.class);
    series.forEach((type, points) -> copy.put(type, List.copyOf(points)));
    series = Collections.unmodifiableMap(copy);
  }

  /** Points over all series. */
  public int pointCount() {
    return series.values().stream().mapToInt(List::size).sum();
  }
}
