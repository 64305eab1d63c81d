package io.wearflow.http.activities.files;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.Decode;
import com.garmin.fit.FitDecoder;
import com.garmin.fit.FitMessages;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import io.wearflow.http.activities.ActivityValidationException;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a FIT activity file with Garmin's FIT SDK into {@link ActivityRecord}s.
 *
 * <p>The whole file is checked first (header, declared size and CRC), so a corrupt or truncated
 * upload is rejected as a whole rather than half-read. Each {@code record} message with a timestamp
 * becomes one record; enhanced speed and altitude are preferred to the 16-bit fields. FIT stores
 * scaled integers that the SDK hands out as floats; they are converted through their shortest
 * decimal form, so a speed of 8.1 m/s reads as 8.1, not 8.100000381.
 */
final class FitActivityParser {

  private FitActivityParser() {}

  static ParsedActivity parse(int fileIndex, byte[] content, Sport requestSport) {
    List<Object> loc = List.of("body", "files", fileIndex);
    if (!new Decode().isFileFit(new ByteArrayInputStream(content))) {
      throw ActivityValidationException.of(
          loc, "Not a FIT file: the header is missing or invalid", "value_error");
    }
    FitMessages messages;
    try {
      if (!new Decode().checkFileIntegrity(new ByteArrayInputStream(content))) {
        throw ActivityValidationException.of(
            loc, "Corrupt or truncated FIT file: its size or CRC check failed", "value_error");
      }
      messages = new FitDecoder().decode(new ByteArrayInputStream(content));
    } catch (FitRuntimeException e) {
      throw ActivityValidationException.of(
          loc, "Corrupt or truncated FIT file: " + e.getMessage(), "value_error");
    }
    List<ActivityRecord> records = new ArrayList<>();
    for (RecordMesg record : messages.getRecordMesgs()) {
      if (record.getTimestamp() == null) {
        continue;
      }
      records.add(
          new ActivityRecord(
              record.getTimestamp().getInstant(),
              number(record.getPower()),
              number(record.getHeartRate()),
              number(first(record.getEnhancedSpeed(), record.getSpeed())),
              number(record.getCadence()),
              number(first(record.getEnhancedAltitude(), record.getAltitude())),
              number(record.getDistance()),
              number(record.getTemperature()),
              number(record.getCoreTemperature()),
              number(record.getSaturatedHemoglobinPercent())));
    }
    if (records.isEmpty()) {
      throw ActivityValidationException.of(
          loc, "The FIT file contains no timestamped records", "value_error");
    }
    return new ParsedActivity(
        ActivityFileFormat.FIT,
        requestSport != null ? requestSport : sport(messages),
        localOffset(messages),
        records);
  }

  private static Sport sport(FitMessages messages) {
    for (SessionMesg session : messages.getSessionMesgs()) {
      if (session.getSport() != null) {
        return Sport.fromFit(session.getSport());
      }
    }
    return Sport.GENERIC;
  }

  /** Local time minus UTC of the activity message, rounded to the quarter hour; null if absent. */
  private static ZoneOffset localOffset(FitMessages messages) {
    for (ActivityMesg activity : messages.getActivityMesgs()) {
      Long local = activity.getLocalTimestamp();
      if (local == null || activity.getTimestamp() == null) {
        continue;
      }
      long seconds = local - activity.getTimestamp().getTimestamp();
      long quarters = Math.round(seconds / 900.0);
      if (Math.abs(quarters * 900) <= 18 * 3600) {
        return ZoneOffset.ofTotalSeconds((int) (quarters * 900));
      }
    }
    return null;
  }

  private static Float first(Float preferred, Float fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static Double number(Number value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? null : Double.valueOf(Float.toString(f));
    }
    return value.doubleValue();
  }
}
