package io.wearflow.http.activities.upload;

import io.wearflow.http.activities.files.ActivityRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record per timestamp, as the {@code activity-records} topic defines a record: timestamps are
 * cut to whole milliseconds (the topic's precision), and records that fall on the same millisecond
 * are merged field by field, a later record's non-null value replacing an earlier one's (a file
 * that writes power and heart rate as two records of the same second keeps both). The result is in
 * timestamp order.
 */
public final class DistinctRecords {

  private DistinctRecords() {}

  public static List<ActivityRecord> of(List<ActivityRecord> inFileOrder) {
    Map<Long, ActivityRecord> byMillis = new TreeMap<>();
    for (ActivityRecord record : inFileOrder) {
      long millis = record.timestamp().toEpochMilli();
      byMillis.merge(
          millis, withTimestamp(record, Instant.ofEpochMilli(millis)), DistinctRecords::laterWins);
    }
    return new ArrayList<>(byMillis.values());
  }

  private static ActivityRecord withTimestamp(ActivityRecord r, Instant timestamp) {
    return new ActivityRecord(
        timestamp,
        r.power(),
        r.heartRate(),
        r.speed(),
        r.cadence(),
        r.altitude(),
        r.distance(),
        r.temperature(),
        r.coreTemperature(),
        r.smo2());
  }

  private static ActivityRecord laterWins(ActivityRecord earlier, ActivityRecord later) {
    return new ActivityRecord(
        earlier.timestamp(),
        or(later.power(), earlier.power()),
        or(later.heartRate(), earlier.heartRate()),
        or(later.speed(), earlier.speed()),
        or(later.cadence(), earlier.cadence()),
        or(later.altitude(), earlier.altitude()),
        or(later.distance(), earlier.distance()),
        or(later.temperature(), earlier.temperature()),
        or(later.coreTemperature(), earlier.coreTemperature()),
        or(later.smo2(), earlier.smo2()));
  }

  private static Double or(Double preferred, Double fallback) {
    return preferred != null ? preferred : fallback;
  }
}
