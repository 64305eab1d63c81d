package io.wearflow.http.activities.files;

import io.wearflow.http.activities.ActivityValidationError;
import io.wearflow.http.activities.ActivityValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV activity file into {@link ActivityRecord}s.
 *
 * <p>Format: UTF-8 (a byte-order mark is skipped), comma-separated, a header line, then one record
 * per line; fields may be double-quoted (RFC 4180, without line breaks inside quotes). Columns,
 * matched by header name case-insensitively, in any order:
 *
 * <ul>
 *   <li>{@code timestamp} (required): ISO-8601 with a UTC offset, {@code 2024-05-01T07:30:00+02:00}
 *       or {@code ...Z};
 *   <li>metrics, each optional, empty cells meaning "not recorded": {@code power} (W), {@code
 *       heart_rate} (bpm), {@code speed} (m/s), {@code cadence} (rpm), {@code altitude} (m), {@code
 *       distance} (m, cumulative), {@code temperature} (°C), {@code core_temperature} (°C), {@code
 *       smo2} (%);
 *   <li>{@code sport}: used when the request names no sport (the request's wins); the first
 *       non-empty value counts;
 *   <li>{@code lap}: any label; a new lap starts at each line whose label differs from the current
 *       lap's (blank cells continue the current lap). A lap ends where the next starts, the last
 *       one 1 s after its last record (a record stands for the second it starts). Without non-blank
 *       labels the file marks no laps.
 * </ul>
 *
 * Other columns are ignored. Blank lines are skipped. Every bad cell is reported with its line
 * number (the header is line 1) and column.
 */
final class CsvActivityParser {

  private static final String TIMESTAMP = "timestamp";
  private static final String SPORT = "sport";
  private static final String LAP = "lap";
  private static final List<String> METRICS =
      List.of(
          "power",
          "heart_rate",
          "speed",
          "cadence",
          "altitude",
          "distance",
          "temperature",
          "core_temperature",
          "smo2");

  private CsvActivityParser() {}

  static ParsedActivity parse(int fileIndex, byte[] content, Sport requestSport) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n|\r", -1);
    Errors errors = new Errors(fileIndex);

    List<String> header = splitLine(lines[0]);
    Map<String, Integer> columns = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      columns.putIfAbsent(header.get(c).trim().toLowerCase(Locale.ROOT), c);
    }
    Integer timestampColumn = columns.get(TIMESTAMP);
    if (timestampColumn == null) {
      throw ActivityValidationException.of(
          List.of("body", "files", fileIndex, "line", 1, TIMESTAMP),
          "The CSV file has no 'timestamp' column (ISO-8601 date-times with offset)",
          "missing");
    }
    int[] metricColumns = new int[METRICS.size()];
    for (int m = 0; m < METRICS.size(); m++) {
      metricColumns[m] = columns.getOrDefault(METRICS.get(m), -1);
    }
    Integer sportColumn = columns.get(SPORT);
    Integer lapColumn = columns.get(LAP);
    LapMarks laps = new LapMarks();

    List<ActivityRecord> records = new ArrayList<>();
    ZoneOffset firstOffset = null;
    String fileSport = null;
    int fileSportLine = 0;
    for (int l = 1; l < lines.length; l++) {
      int lineNumber = l + 1;
      if (lines[l].isBlank()) {
        continue;
      }
      List<String> fields = splitLine(lines[l]);
      if (fields.size() != header.size()) {
        errors.add(
            List.of(lineNumber),
            "Expected " + header.size() + " fields as in the header, found " + fields.size(),
            "value_error");
        continue;
      }
      OffsetDateTime timestamp = timestamp(fields.get(timestampColumn).trim(), lineNumber, errors);
      Double[] metrics = new Double[METRICS.size()];
      for (int m = 0; m < METRICS.size(); m++) {
        if (metricColumns[m] >= 0) {
          metrics[m] =
              number(fields.get(metricColumns[m]).trim(), lineNumber, METRICS.get(m), errors);
        }
      }
      if (sportColumn != null && fileSport == null && !fields.get(sportColumn).isBlank()) {
        fileSport = fields.get(sportColumn).trim();
        fileSportLine = lineNumber;
      }
      if (timestamp == null) {
        continue;
      }
      if (firstOffset == null) {
        firstOffset = timestamp.getOffset();
      }
      laps.add(timestamp.toInstant(), lapColumn == null ? "" : fields.get(lapColumn).trim());
      records.add(record(timestamp.toInstant(), metrics));
    }
    errors.throwIfAny();
    if (records.isEmpty()) {
      throw ActivityValidationException.of(
          List.of("body", "files", fileIndex), "The CSV file contains no records", "value_error");
    }
    Sport sport =
        requestSport != null ? requestSport : fileSport(fileIndex, fileSport, fileSportLine);
    return new ParsedActivity(
        ActivityFileFormat.CSV, sport, firstOffset, records, laps.laps(), List.of());
  }

  private static Sport fileSport(int fileIndex, String name, int line) {
    if (name == null) {
      throw ActivityValidationException.of(
          List.of("body", "sport"),
          "Field required for CSV files (or a 'sport' column in the file)",
          "missing");
    }
    return Sport.fromWireName(name)
        .orElseThrow(
            () ->
                ActivityValidationException.of(
                    List.of("body", "files", fileIndex, "line", line, SPORT),
                    Sport.expectation(),
                    "enum"));
  }

  private static OffsetDateTime timestamp(String cell, int line, Errors errors) {
    if (cell.isEmpty()) {
      errors.add(List.of(line, TIMESTAMP), "Field required", "missing");
      return null;
    }
    try {
      return OffsetDateTime.parse(cell);
    } catch (DateTimeParseException e) {
      errors.add(
          List.of(line, TIMESTAMP),
          "Input should be an ISO-8601 date-time with offset, like 2024-05-01T07:30:00+02:00: '"
              + abbreviate(cell)
              + "'",
          "datetime_parsing");
      return null;
    }
  }

  private static Double number(String cell, int line, String column, Errors errors) {
    if (cell.isEmpty()) {
      return null;
    }
    try {
      double value = Double.parseDouble(cell);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        List.of(line, column),
        "Input should be a valid number: '" + abbreviate(cell) + "'",
        "float_parsing");
    return null;
  }

  private static ActivityRecord record(Instant timestamp, Double[] m) {
    return new ActivityRecord(timestamp, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
  }

  /** Splits one line at commas outside double quotes; {@code ""} inside quotes is a quote. */
  static List<String> splitLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static String abbreviate(String cell) {
    return cell.length() <= 40 ? cell : cell.substring(0, 40) + "...";
  }

  /** Collects laps from the records' {@code lap} labels in file order. */
  private static final class LapMarks {
    private final List<Instant> starts = new ArrayList<>();
    private String label;
    private boolean labelled;
    private Instant first;
    private Instant last;

    void add(Instant timestamp, String cell) {
      if (first == null) {
        first = timestamp;
        starts.add(timestamp);
      }
      if (!cell.isEmpty()) {
        if (labelled && !cell.equals(label)) {
          starts.add(timestamp);
        }
        labelled = true;
        label = cell;
      }
      last = timestamp;
    }

    List<Lap> laps() {
      if (!labelled) {
        return List.of();
      }
      List<Lap> laps = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        Instant end = i + 1 < starts.size() ? starts.get(i + 1) : last.plusSeconds(1);
        laps.add(new Lap(starts.get(i), end));
      }
      return laps;
    }
  }

  /** The cell errors of one file, located under {@code ["body", "files", i, "line", ...]}. */
  private static final class Errors {
    private final int fileIndex;
    private final List<ActivityValidationError> listed = new ArrayList<>();
    private int total;

    Errors(int fileIndex) {
      this.fileIndex = fileIndex;
    }

    void add(List<Object> lineAndColumn, String msg, String type) {
      total++;
      if (listed.size() < ActivityValidationException.MAX_LISTED) {
        List<Object> loc = new ArrayList<>(List.of("body", "files", fileIndex, "line"));
        loc.addAll(lineAndColumn);
        listed.add(new ActivityValidationError(loc, msg, type));
      }
    }

    void throwIfAny() {
      if (total > 0) {
        throw new ActivityValidationException(listed, total);
      }
    }
  }
}
