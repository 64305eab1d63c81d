package io.wearflow.infra.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A {@code POST /api/v1.1/samples} body built sample by sample, which also knows what the pipeline
 * should make of it (the rows expected in the Parquet exports).
 *
 * @param dataType {@code steps} or {@code bpm}
 * @param offset the offset of sample times given without one
 * @param samples the samples, in request order
 */
record SampleBatch(String dataType, ZoneOffset offset, List<Entry> samples) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** As in the contract's example: 2023-11-01T08:04:51.000+04:00. */
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private static final Pattern WITH_OFFSET = Pattern.compile(".*(Z|[+-]\\d\\d:\\d\\d)$");

  /**
   * One sample as sent.
   *
   * @param device device_name
   * @param version device_version, null to leave it out
   * @param start start_date with its offset
   * @param end end_date, null to leave it out (an instantaneous sample)
   * @param value value in {@code unit}
   * @param unit count, count/min or count/s
   */
  record Entry(
      String device,
      String version,
      OffsetDateTime start,
      OffsetDateTime end,
      double value,
      String unit) {

    /** The same sample with another value (a correction). */
    Entry withValue(double newValue) {
      return new Entry(device, version, start, end, newValue, unit);
    }

    /** The sample's identity and value, as the Parquet export should hold it. */
    ExportedRow expectedRow(String dataType) {
      Instant startInstant = start.toInstant();
      return new ExportedRow(
          device, dataType, startInstant, end == null ? startInstant : end.toInstant(), value);
    }
  }

  /**
   * An empty steps batch.
   *
   * @param offset the UTC offset of local times added without one, e.g. {@code +04:00}
   */
  static SampleBatch steps(String offset) {
    return new SampleBatch("steps", ZoneOffset.of(offset), List.of());
  }

  /** An empty heart-rate batch; see {@link #steps}. */
  static SampleBatch bpm(String offset) {
    return new SampleBatch("bpm", ZoneOffset.of(offset), List.of());
  }

  /**
   * Adds a sample in the data type's usual unit ({@code count} for steps, {@code count/min} for
   * bpm). Times are ISO-8601 local date-times in the batch's offset ({@code 2023-11-01T08:04:51})
   * or carry their own ({@code 2023-11-01T22:00:00-05:00}).
   */
  SampleBatch add(String device, String start, String end, double value) {
    return add(device, start, end, value, "steps".equals(dataType) ? "count" : "count/min");
  }

  /** Adds a sample with an explicit unit. */
  SampleBatch add(String device, String start, String end, double value, String unit) {
    return add(new Entry(device, "1.0", time(start), end == null ? null : time(end), value, unit));
  }

  /** Adds an instantaneous sample (no end_date) in the data type's usual unit. */
  SampleBatch addInstant(String device, String start, double value) {
    return add(device, start, null, value);
  }

  private OffsetDateTime time(String text) {
    return WITH_OFFSET.matcher(text).matches()
        ? OffsetDateTime.parse(text)
        : LocalDateTime.parse(text).atOffset(offset);
  }

  SampleBatch add(Entry entry) {
    List<Entry> more = new ArrayList<>(samples);
    more.add(entry);
    return new SampleBatch(dataType, offset, List.copyOf(more));
  }

  /** The same batch with sample {@code index} replaced. */
  SampleBatch with(int index, UnaryOperator<Entry> change) {
    List<Entry> changed = new ArrayList<>(samples);
    changed.set(index, change.apply(samples.get(index)));
    return new SampleBatch(dataType, offset, List.copyOf(changed));
  }

  /** The Parquet rows this batch should produce, one per sample. */
  List<ExportedRow> expectedRows() {
    return samples.stream().map(s -> s.expectedRow(dataType)).toList();
  }

  /** The request body. */
  String toJson() {
    ObjectNode body = JSON.createObjectNode();
    body.put("data_type", dataType);
    ArrayNode data = body.putArray("data");
    for (Entry s : samples) {
      ObjectNode sample = data.addObject();
      sample.put("device_name", s.device());
      if (s.version() != null) {
        sample.put("device_version", s.version());
      }
      sample.put("start_date", ISO.format(s.start()));
      if (s.end() != null) {
        sample.put("end_date", ISO.format(s.end()));
      }
      if (s.value() == Math.rint(s.value())) {
        sample.put("value", (long) s.value());
      } else {
        sample.put("value", s.value());
      }
      sample.put("unit", s.unit());
    }
    return body.toString();
  }
}
