package io.wearflow.connectors.activities;

import io.wearflow.schemas.activities.ActivityRecord;
import java.time.LocalDate;

/**
 * One distinct record of a completed activity on its way to the {@code activity_records} export,
 * with what the record itself does not carry: the activity's sport and local date (its partition),
 * as an epoch day because Flink has no POJO serializer for LocalDate.
 */
public record ExportedActivityRecord(ActivityRecord record, String sport, int localEpochDay) {

  public ExportedActivityRecord(ActivityRecord record, String sport, LocalDate localDate) {
    this(record, sport, (int) localDate.toEpochDay());
  }

  /** The activity's local date (the export partition). */
  public LocalDate localDate() {
    return LocalDate.ofEpochDay(localEpochDay);
  }
}
