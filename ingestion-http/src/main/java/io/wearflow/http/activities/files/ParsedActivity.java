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
 * @param laps as the file marks them, in file order (FIT {@code lap} messages: start time plus
 *     total elapsed time; CSV: a {@code lap} column whose value changes); empty when it marks none
 * @param devices display names of the devices that recorded the file (FIT {@code file_id} and
 *     {@code device_info}: manufacturer and product, each once, {@code "Garmin Edge 530"}); empty
 *     for CSV
 */
public record ParsedActivity(
    ActivityFileFormat format,
    Sport sport,
    ZoneOffset localOffset,
    List<ActivityRecord> records,
    List<Lap> laps,
    List<String> devices) {

  public ParsedActivity {
    records = List.copyOf(records);
    laps = List.copyOf(laps);
    devices = List.copyOf(devices);
  }
}
