package io.wearflow.http.actigraphy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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

  // Field names pre-encoded once: the generator copies their UTF-8 bytes instead of escaping
  // every name of every day again.
  private static final SerializedString START_DATE = new SerializedString("start_date");
  private static final SerializedString END_DATE = new SerializedString("end_date");
  private static final SerializedString LIMIT = new SerializedString("limit");
  private static final SerializedString DAYS = new SerializedString("days");
  private static final SerializedString NEXT = new SerializedString("next");
  private static final SerializedString DATE = new SerializedString("date");
  private static final SerializedString DAY_START_HOUR = new SerializedString("day_start_hour");
  private static final SerializedString STEPS = new SerializedString("steps");
  private static final SerializedString DISTANCE = new SerializedString("distance");
  private static final SerializedString CALORIES = new SerializedString("calories");
  private static final SerializedString HEART_RATE = new SerializedString("heart_rate");
  private static final SerializedString MIN = new SerializedString("min");
  private static final SerializedString MAX = new SerializedString("max");
  private static final SerializedString MEAN = new SerializedString("mean");
  private static final SerializedString RESTING = new SerializedString("resting");
  private static final SerializedString MINUTES_WITH_DATA =
      new SerializedString("minutes_with_data");
  private static final SerializedString ACTIVE_MINUTES = new SerializedString("active_minutes");
  private static final SerializedString SOURCES = new SerializedString("sources");
  private static final SerializedString SOURCE = new SerializedString("source");
  private static final SerializedString DEVICE_NAME = new SerializedString("device_name");
  private static final SerializedString SAMPLE_COUNT = new SerializedString("sample_count");
  private static final SerializedString DEVICES = new SerializedString("devices");
  private static final SerializedString UPDATED_AT = new SerializedString("updated_at");

  /** Bytes of a listed day, about: the first buffer holds a page of a few dozen days. */
  private static final int BYTES_PER_DAY = 400;

  /** Below this, Double.toString writes a whole number as its digits and ".0". */
  private static final double WHOLE_PLAIN_LIMIT = 1e7;

  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

  private final JsonGenerator json;
  private final char[] digits = new char[12];

  private ActigraphyListJson(JsonGenerator json) {
    this.json = json;
  }

  static byte[] write(ActigraphyResponse response) {
    try (ByteArrayBuilder bytes =
            new ByteArrayBuilder(
                Math.min(64 * 1024, 256 + BYTES_PER_DAY * response.days().size()));
        JsonGenerator json = FACTORY.createGenerator(bytes)) {
      new ActigraphyListJson(json).page(response);
      json.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the actigraphy list", e);
    }
  }

  private void page(ActigraphyResponse response) throws IOException {
    json.writeStartObject();
    date(START_DATE, response.startDate());
    date(END_DATE, response.endDate());
    integer(LIMIT, response.limit());
    json.writeFieldName(DAYS);
    json.writeStartArray();
    for (ActigraphyDay day : response.days()) {
      day(day);
    }
    json.writeEndArray();
    string(NEXT, response.next());
    json.writeEndObject();
  }

  private void day(ActigraphyDay day) throws IOException {
    if (day.minutes() != null) {
      throw new IllegalArgumentException("listed days have no minutes: " + day.date());
    }
    json.writeStartObject();
    date(DATE, day.date());
    integer(DAY_START_HOUR, day.dayStartHour());
    number(STEPS, day.steps());
    number(DISTANCE, day.distance());
    number(CALORIES, day.calories());
    json.writeFieldName(HEART_RATE);
    ActigraphyDay.HeartRate heartRate = day.heartRate();
    if (heartRate == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      number(MIN, heartRate.min());
      number(MAX, heartRate.max());
      number(MEAN, heartRate.mean());
      number(RESTING, heartRate.resting());
      json.writeEndObject();
    }
    integer(MINUTES_WITH_DATA, day.minutesWithData());
    integer(ACTIVE_MINUTES, day.activeMinutes());
    json.writeFieldName(SOURCES);
    if (day.sources() == null) {
      json.writeNull();
    } else {
      json.writeStartArray();
      for (ActigraphyDay.Source source : day.sources()) {
        json.writeStartObject();
        string(SOURCE, source.source());
        string(DEVICE_NAME, source.deviceName());
        number(STEPS, source.steps());
        number(DISTANCE, source.distance());
        number(CALORIES, source.calories());
        integer(SAMPLE_COUNT, source.sampleCount());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    integer(SAMPLE_COUNT, day.sampleCount());
    json.writeFieldName(DEVICES);
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
    string(UPDATED_AT, updatedAt == null ? null : IsoInstants.format(updatedAt));
    json.writeEndObject();
  }

  private void date(SerializableString name, LocalDate date) throws IOException {
    string(name, date == null ? null : date.toString());
  }

  private void string(SerializableString name, String value) throws IOException {
    json.writeFieldName(name);
    json.writeString(value);
  }

  private void integer(SerializableString name, int value) throws IOException {
    json.writeFieldName(name);
    json.writeNumber(value);
  }

  private void number(SerializableString name, Double value) throws IOException {
    if (value == null) {
      json.writeFieldName(name);
      json.writeNull();
    } else {
      number(name, value.doubleValue());
    }
  }

  private void number(SerializableString name, double value) throws IOException {
    json.writeFieldName(name);
    if (value == (long) value
        && Math.abs(value) < WHOLE_PLAIN_LIMIT
        && Double.doubleToRawLongBits(value) != NEGATIVE_ZERO) {
      // What Double.toString writes for a whole number below 10^7 ("1234.0"), without its
      // per-thread digit buffer (found in profiles): most steps and heart rates are whole.
      int length = wholeDigits((long) value);
      json.writeNumber(digits, 0, length);
    } else {
      json.writeNumber(value);
    }
  }

  /** Writes {@code value} and ".0" into {@link #digits}; returns the length. */
  private int wholeDigits(long value) {
    long rest = Math.abs(value);
    int end = digits.length;
    digits[--end] = '0';
    digits[--end] = '.';
    do {
      digits[--end] = (char) ('0' + rest % 10);
      rest /= 10;
    } while (rest != 0);
    if (value < 0) {
      digits[--end] = '-';
    }
    int length = digits.length - end;
    System.arraycopy(digits, end, digits, 0, length);
    return length;
  }
}
