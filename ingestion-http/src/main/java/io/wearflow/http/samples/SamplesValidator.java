package io.wearflow.http.samples;

import static io.wearflow.http.json.JsonFields.pointer;
import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.json.IsoOffsetDateTimes;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a {@code POST /api/v1.1/samples} body against the contract (samples-api.txt), all or
 * nothing: either every sample is valid or the request is refused with every field error, each with
 * its JSON pointer.
 *
 * <ul>
 *   <li>{@code data_type}: required, {@code steps} or {@code bpm}.
 *   <li>{@code data}: required array of 3 to 1000 samples (objects).
 *   <li>{@code device_name}: required string, not blank. {@code device_version}: optional string.
 *   <li>{@code start_date}: required ISO-8601 date-time with a UTC offset ({@code
 *       2023-11-01T08:04:51.000+04:00} or {@code ...Z}); a value without offset is refused, since
 *       the offset defines the user's local day. From 1970-01-01T00:00:00Z to
 *       9999-12-31T23:59:59.999Z, the range of the activity time series (a year such as +999999999
 *       does not fit the record's epoch milliseconds).
 *   <li>{@code end_date}: optional, same format, not earlier than {@code start_date} (compared as
 *       instants); absent means an instantaneous sample (end = start).
 *   <li>{@code unit}: required, {@code count}, {@code count/min} or {@code count/s}, and valid for
 *       the data type: steps are {@code count}; bpm is {@code count/min} or {@code count/s}. The
 *       unit and value are kept as sent (no conversion).
 *   <li>{@code value}: required JSON number (a string such as {@code "12"} is refused), greater
 *       than 0 and at most 30000 for {@code count}, 300 for {@code count/min}, 5 for {@code
 *       count/s} (= 300 per minute). NaN and infinities are not JSON and never reach here as
 *       literals; a non-finite number in the tree is refused all the same.
 * </ul>
 *
 * Unknown members are ignored. A JSON {@code null} counts as an absent member.
 */
public final class SamplesValidator {

  public static final int MIN_SAMPLES = 3;
  public static final int MAX_SAMPLES = 1000;

  /** The earliest and the latest instant a sample may start or end at. */
  public static final Instant MIN_INSTANT = Instant.EPOCH;

  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999Z");

  private static final String DATE_TIME_FORMAT =
      "must be an ISO-8601 date-time with a UTC offset, e.g. 2023-11-01T08:04:51.000+04:00";

  public SamplesRequest validate(JsonNode body) {
    FieldErrors errors = new FieldErrors();
    if (body == null || !body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
    DataType dataType = dataType(body, errors);
    List<SampleInput> samples = new ArrayList<>();
    JsonNode data = body.get("data");
    if (data == null || data.isNull()) {
      errors.add("/data", "is required");
    } else if (!data.isArray()) {
      errors.add("/data", "must be an array");
    } else {
      if (data.size() < MIN_SAMPLES) {
        errors.add(
            "/data", "must contain at least " + MIN_SAMPLES + " samples (got " + data.size() + ")");
      } else if (data.size() > MAX_SAMPLES) {
        errors.add(
            "/data", "must contain at most " + MAX_SAMPLES + " samples (got " + data.size() + ")");
      }
      for (int i = 0; i < data.size(); i++) {
        JsonNode node = data.get(i);
        SampleInput sample = validSample(node, dataType);
        if (sample == null) {
          // Refused, or unusual: the full checks say why, with pointers.
          sample = sample(node, pointer("/data", i), dataType, errors);
        }
        if (sample != null) {
          samples.add(sample);
        }
      }
    }
    errors.throwIfAny();
    return new SamplesRequest(dataType, samples);
  }

  private static DataType dataType(JsonNode body, FieldErrors errors) {
    String name = JsonFields.string(body, "data_type", "/data_type", true, errors);
    if (name == null) {
      return null;
    }
    return DataType.fromWireName(name)
        .orElseGet(
            () -> {
              errors.add("/data_type", "must be one of: " + dataTypeNames());
              return null;
            });
  }

  /**
   * The sample when it passes every check of {@link #sample} (with the same result), null when it
   * may not: then {@link #sample} decides and records the errors. The common case of a 1000-sample
   * request, without building the pointers that only errors need.
   */
  private static SampleInput validSample(JsonNode node, DataType dataType) {
    if (!node.isObject()) {
      return null;
    }
    JsonNode deviceName = node.get("device_name");
    JsonNode deviceVersion = node.get("device_version");
    JsonNode start = node.get("start_date");
    JsonNode end = node.get("end_date");
    JsonNode unit = node.get("unit");
    JsonNode value = node.get("value");
    if (deviceName == null
        || !deviceName.isTextual()
        || !isAbsentOrText(deviceVersion)
        || start == null
        || !start.isTextual()
        || !isAbsentOrText(end)
        || unit == null
        || !unit.isTextual()
        || value == null
        || !value.isNumber()
        || ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue()))) {
      return null;
    }
    return validSample(
        deviceName.textValue(),
        deviceVersion == null || deviceVersion.isNull() ? null : deviceVersion.textValue(),
        start.textValue(),
        end == null || end.isNull() ? null : end.textValue(),
        unit.textValue(),
        value.decimalValue(),
        dataType);
  }

  private static boolean isAbsentOrText(JsonNode node) {
    return node == null || node.isNull() || node.isTextual();
  }

  /**
   * The sample when members of the right JSON types (strings; null for absent optional ones; the
   * exact value of a finite number) pass every further check of {@link #sample}, with its result;
   * otherwise null. Shared with {@link SamplesStreamReader}.
   */
  static SampleInput validSample(
      String deviceName,
      String deviceVersion,
      String startDate,
      String endDate,
      String unitName,
      BigDecimal value,
      DataType dataType) {
    if (dataType == null || deviceName.isBlank()) {
      return null;
    }
    OffsetDateTime start = validDateTime(startDate);
    if (start == null) {
      return null;
    }
    OffsetDateTime end = start;
    if (endDate != null) {
      end = validDateTime(endDate);
      if (end == null || end.toInstant().isBefore(start.toInstant())) {
        return null;
      }
    }
    SampleUnit unit = SampleUnit.fromWireName(unitName).orElse(null);
    if (unit == null || !dataType.accepts(unit)) {
      return null;
    }
    if (value.signum() <= 0 || value.doubleValue() == 0 || value.compareTo(unit.maxValue()) > 0) {
      return null;
    }
    return new SampleInput(deviceName, deviceVersion, start, end, unit, value.doubleValue());
  }

  /** The date-time when {@link #dateTime} would accept it, otherwise null. */
  private static OffsetDateTime validDateTime(String text) {
    OffsetDateTime dateTime;
    try {
      dateTime = IsoOffsetDateTimes.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
    Instant instant = dateTime.toInstant();
    return instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT) ? null : dateTime;
  }

  /** The sample, or null when it has errors (recorded in {@code errors}). */
  private static SampleInput sample(
      JsonNode node, String at, DataType dataType, FieldErrors errors) {
    if (!node.isObject()) {
      errors.add(at, "must be an object");
      return null;
    }
    int before = errors.size();

    String deviceName =
        JsonFields.string(node, "device_name", pointer(at, "device_name"), true, errors);
    if (deviceName != null && deviceName.isBlank()) {
      errors.add(pointer(at, "device_name"), "must not be blank");
    }
    String deviceVersion =
        JsonFields.string(node, "device_version", pointer(at, "device_version"), false, errors);

    OffsetDateTime start = dateTime(node, "start_date", at, true, errors);
    OffsetDateTime end = dateTime(node, "end_date", at, false, errors);
    if (start != null && end != null && end.toInstant().isBefore(start.toInstant())) {
      errors.add(pointer(at, "end_date"), "must not be earlier than start_date");
    }

    SampleUnit unit = unit(node, at, dataType, errors);
    BigDecimal value = JsonFields.number(node, "value", pointer(at, "value"), true, errors);
    if (value != null) {
      // A positive literal too small for a double (1e-400) would be stored as 0.
      if (value.signum() <= 0 || value.doubleValue() == 0) {
        errors.add(pointer(at, "value"), "must be greater than 0");
      } else if (unit != null && value.compareTo(unit.maxValue()) > 0) {
        errors.add(
            pointer(at, "value"),
            "must be less than or equal to "
                + unit.maxValue().toPlainString()
                + " when unit is "
                + unit.wireName());
      }
    }

    if (errors.size() > before) {
      return null;
    }
    return new SampleInput(
        deviceName, deviceVersion, start, end == null ? start : end, unit, value.doubleValue());
  }

  private static OffsetDateTime dateTime(
      JsonNode node, String name, String at, boolean required, FieldErrors errors) {
    String text = JsonFields.string(node, name, pointer(at, name), required, errors);
    if (text == null) {
      return null;
    }
    OffsetDateTime dateTime;
    try {
      dateTime = IsoOffsetDateTimes.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(pointer(at, name), DATE_TIME_FORMAT);
      return null;
    }
    Instant instant = dateTime.toInstant();
    if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
      errors.add(pointer(at, name), "must be between " + MIN_INSTANT + " and " + MAX_INSTANT);
      return null;
    }
    return dateTime;
  }

  /**
   * The unit when it is known and valid for the data type (an unknown type accepts any unit); null
   * otherwise, so that the value is not also checked against a unit already refused.
   */
  private static SampleUnit unit(JsonNode node, String at, DataType dataType, FieldErrors errors) {
    String name = JsonFields.string(node, "unit", pointer(at, "unit"), true, errors);
    if (name == null) {
      return null;
    }
    SampleUnit unit = SampleUnit.fromWireName(name).orElse(null);
    if (unit == null) {
      errors.add(pointer(at, "unit"), "must be one of: " + unitNames());
      return null;
    }
    if (dataType != null && !dataType.accepts(unit)) {
      errors.add(
          pointer(at, "unit"),
          "must be " + dataType.acceptedUnits() + " when data_type is " + dataType.wireName());
      return null;
    }
    return unit;
  }

  private static String dataTypeNames() {
    return Arrays.stream(DataType.values()).map(DataType::wireName).collect(joining(", "));
  }

  private static String unitNames() {
    return Arrays.stream(SampleUnit.values()).map(SampleUnit::wireName).collect(joining(", "));
  }
}
