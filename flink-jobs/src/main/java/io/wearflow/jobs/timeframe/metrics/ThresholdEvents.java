package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one threshold, in time order: the reference's {@code {"threshold": 2, "values":
 * [...]}}.
 *
 * @param threshold the threshold (m/s or m/s², a positive magnitude for decelerations)
 * @param values the events
 */
public record ThresholdEvents(double threshold, List<ThresholdEvent> values)
    implements Serializable {

  public ThresholdEvents {
    values = List.copyOf(values);
  }

  /**
   * The reference's map {@code {"threshold_1": {...}, "threshold_2": {...}}}: {@code threshold_N}
   * is the N-th lowest threshold.
   */
  public static Map<String, Object> toJson(List<ThresholdEvents> perThreshold) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (int i = 0; i < perThreshold.size(); i++) {
      ThresholdEvents events = perThreshold.get(i);
      List<Object> values = new ArrayList<>();
      events.values.forEach(event -> values.add(event.toJson()));
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("threshold", events.threshold);
      one.put("values", values);
      json.put("threshold_" + (i + 1), one);
    }
    return json;
  }
}
