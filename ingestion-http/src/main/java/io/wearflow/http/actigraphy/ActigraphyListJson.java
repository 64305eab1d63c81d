package io.wearflow.http.actigraphy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes the list body ({@link ActigraphyResponse}) field by field with one {@link JsonGenerator}
 * into UTF-8 bytes: the bytes the edge's {@code ObjectMapper} writes for the records (same field
 * order, number and date formats), without its per-property reflection and the intermediate {@code
 * String} (a 366-day page is about 145 kB, read back to back by clients).
 */
final class ActigraphyListJson {

  /** Characters outside the BMP as 4-byte UTF-8, as in the String the ObjectMapper writes. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  /** Bytes of a listed day, about: the first buffer holds a page of a few dozen days. */
  private static final int BYTES_PER_DAY = 400;

  private ActigraphyListJson() {}

  static byte[] write(ActigraphyResponse response) {
    try (ByteArrayBuilder bytes =
            new ByteArrayBuilder(
                Math.min(64 * 1024, 256 + BYTES_PER_DAY * response.days().size()));
        JsonGenerator json = FACTORY.createGenerator(bytes)) {
      json.writeStartObject();
      date(json, "start_date", response.startDate());
      date(json, "end_date", response.endDate());
      json.writeNumberField("limit", response.limit());
      json.writeArrayFieldStart("days");
      for (ActigraphyDay day : response.days()) {
        day(json, day);
      }
      json.writeEndArray();
      json.writeStringField("next", response.next());
      json.writeEndObject();
      json.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the actigraphy list", e);
    }
  }

  private static void day(JsonGenerator json, ActigraphyDay day) throws IOException {
    if (day.minutes() != null) {
      throw new IllegalArgumentException("listed days have no minutes: " + day.date());
    }
    json.writeStartObject();
    date(json, "date", day.date());
    json.writeNumberField("day_start_hour", day.dayStartHour());
    json.writeNumberField("steps", day.steps());
    json.writeNumberField("distance", day.distance());
    json.writeNumberField("calories", day.calories());
    json.writeFieldName("heart_rate");
    ActigraphyDay.HeartRate heartRate = day.heartRate();
    if (heartRate == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      number(json, "min", heartRate.min());
      number(json, "max", heartRate.max());
      number(json, "mean", heartRate.mean());
      number(json, "resting", heartRate.resting());
      json.writeEndObject();
    }
    json.writeNumberField("minutes_with_data", day.minutesWithData());
    json.writeNumberField("active_minutes", day.activeMinutes());
    json.writeFieldName("sources");
    if (day.sources() == null) {
      json.writeNull();
    } else {
      json.writeStartArray();
      for (ActigraphyDay.Source source : day.sources()) {
        json.writeStartObject();
        json.writeStringField("source", source.source());
        json.writeStringField("device_name", source.deviceName());
        json.writeNumberField("steps", source.steps());
        json.writeNumberField("distance", source.distance());
        json.writeNumberField("calories", source.calories());
        json.writeNumberField("sample_count", source.sampleCount());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeNumberField("sample_count", day.sampleCount());
    json.writeFieldName("devices");
    if (day.devices() == null) {
      json.writeNull();
    } else {
      json.writeStartArray();
      for (String device : day.devices()) {
        json.writeString(device);
      }
      json.writeEndArray();
    }
    Instant updatedAt = day.updatedAt();
    json.writeStringField("updated_at", updatedAt == null ? null : IsoInstants.format(updatedAt));
    json.writeEndObject();
  }

  private static void date(JsonGenerator json, String name, LocalDate date) throws IOException {
    json.writeStringField(name, date == null ? null : date.toString());
  }

  private static void number(JsonGenerator json, String name, Double value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value.doubleValue());
    }
  }
}
