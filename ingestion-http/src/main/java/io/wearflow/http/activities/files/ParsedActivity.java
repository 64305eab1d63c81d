package io.wearflow.http.activities.files;

import java.time.ZoneOffset;
import java.util.List;

/**
 * An uploaded activity file, parsed and validated.
 *
 * @param format the file's format
 * @param sport the request's sport if given, else the file's (FIT session, CSV {@code sport}
 *     column)
 * @param localOffset the offset of the athlete's local time at the start (FIT: the activity's local
 *     timestamp, CSV: the first timestamp's offset); {@code null} if the file does not tell
 * @param records in file order, at least one
 */
public record ParsedActivity(
    ActivityFileFormat format, Sport sport, ZoneOffset localOffset, List<ActivityRecord> records) {

  public ParsedActivity {
    records = List.copyOf(records);
  }
}
