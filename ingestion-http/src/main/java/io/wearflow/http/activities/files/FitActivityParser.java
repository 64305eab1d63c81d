package io.wearflow.http.activities.files;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.Decode;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.FitDecoder;
import com.garmin.fit.FitMessages;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.GarminProduct;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import io.wearflow.http.activities.ActivityValidationException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a FIT activity file with Garmin's FIT SDK into {@link ActivityRecord}s.
 *
 * <p>The whole file is checked first (header, declared size and CRC), so a corrupt or truncated
 * upload is rejected as a whole rather than half-read. Each {@code record} message with a timestamp
 * becomes one record; enhanced speed and altitude are preferred to the 16-bit fields. FIT stores
 * scaled integers that the SDK hands out as floats; they are converted through their shortest
 * decimal form, so a speed of 8.1 m/s reads as 8.1, not 8.100000381.
 *
 * <p>Laps come from {@code lap} messages: {@code [start_time, start_time + total_elapsed_time)}
 * (the lap's own timestamp as the end when the elapsed time is missing). Devices come from {@code
 * file_id} and {@code device_info} messages, as "Manufacturer Product" display names.
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
        records,
        laps(messages),
        devices(messages));
  }

  private static List<Lap> laps(FitMessages messages) {
    List<Lap> laps = new ArrayList<>();
    for (LapMesg lap : messages.getLapMesgs()) {
      if (lap.getStartTime() == null) {
        continue;
      }
      Instant start = lap.getStartTime().getInstant();
      Float elapsed = lap.getTotalElapsedTime();
      Instant end;
      if (elapsed != null && Float.isFinite(elapsed) && elapsed >= 0) {
        end = start.plusMillis(Math.round(elapsed * 1000.0));
      } else if (lap.getTimestamp() != null) {
        end = lap.getTimestamp().getInstant();
      } else {
        continue;
      }
      if (end.isAfter(start)) {
        laps.add(new Lap(start, end));
      }
    }
    return laps;
  }

  private static List<String> devices(FitMessages messages) {
    Set<String> devices = new LinkedHashSet<>();
    for (FileIdMesg fileId : messages.getFileIdMesgs()) {
      addDevice(devices, fileId.getManufacturer(), fileId.getProduct(), fileId.getProductName());
    }
    for (DeviceInfoMesg info : messages.getDeviceInfoMesgs()) {
      addDevice(devices, info.getManufacturer(), info.getProduct(), info.getProductName());
    }
    return List.copyOf(devices);
  }

  /** "Garmin Edge 530": the SDK's names in words; unknown ids as numbers. */
  private static void addDevice(
      Set<String> devices, Integer manufacturer, Integer product, String productName) {
    if (manufacturer == null) {
      return;
    }
    String maker = Manufacturer.getStringFromValue(manufacturer);
    String name = maker.isEmpty() ? "Manufacturer " + manufacturer : words(maker);
    String model = null;
    if (productName != null && !productName.isBlank()) {
      model = productName.trim();
    } else if (product != null) {
      String garmin = isGarmin(manufacturer) ? GarminProduct.getStringFromValue(product) : "";
      model = garmin.isEmpty() ? "product " + product : words(garmin);
    }
    devices.add(model == null ? name : name + " " + model);
  }

  private static boolean isGarmin(int manufacturer) {
    return manufacturer == Manufacturer.GARMIN
        || manufacturer == Manufacturer.DYNASTREAM
        || manufacturer == Manufacturer.DYNASTREAM_OEM
        || manufacturer == Manufacturer.TACX;
  }

  /** {@code WAHOO_FITNESS} as {@code Wahoo Fitness}. */
  private static String words(String constant) {
    StringBuilder out = new StringBuilder();
    for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
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
