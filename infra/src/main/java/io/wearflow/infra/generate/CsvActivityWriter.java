package io.wearflow.infra.generate;

import io.wearflow.infra.generate.GeneratedActivity.Sample;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes a generated activity as the CSV the upload accepts: {@code
 * timestamp,power,heart_rate,speed,cadence,altitude,distance,temperature,lap}, timestamps in
 * ISO-8601 with the local offset of each second (so a DST change shows), {@code power} empty for
 * runs. The upload ignores the {@code lap} column (1-based lap number); the sport travels in the
 * upload's {@code sport} field.
 */
public final class CsvActivityWriter {

  public static final String HEADER =
      "timestamp,power,heart_rate,speed,cadence,altitude,distance,temperature,lap";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private CsvActivityWriter() {}

  public static byte[] write(GeneratedActivity activity) {
    ZoneId zone = activity.zone();
    StringBuilder csv = new StringBuilder(activity.samples().size() * 64);
    csv.append(HEADER).append('\n');
    for (Sample s : activity.samples()) {
      csv.append(TIMESTAMP.format(s.timestamp().atZone(zone)))
          .append(',')
          .append(s.power() == null ? "" : s.power().toString())
          .append(',')
          .append(s.heartRate())
          .append(',')
          .append(decimal(s.speed()))
          .append(',')
          .append(s.cadence())
          .append(',')
          .append(decimal(s.altitude()))
          .append(',')
          .append(decimal(s.distance()))
          .append(',')
          .append(s.temperature())
          .append(',')
          .append(s.lap())
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The shortest decimal that reads back as the same double, never in E notation. */
  private static String decimal(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
