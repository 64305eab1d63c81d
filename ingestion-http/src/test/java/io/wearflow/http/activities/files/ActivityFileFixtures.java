package io.wearflow.http.activities.files;

import com.garmin.fit.Activity;
import com.garmin.fit.ActivityMesg;
import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.GarminProduct;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Activity files for tests, written independently of the parsers: FIT with Garmin's SDK encoder (a
 * Garmin Edge 530 with a Garmin HRM-Pro and a Wahoo sensor), CSV by string concatenation.
 */
public final class ActivityFileFixtures {

  /** The devices {@link #fit} writes, as the parser names them. */
  public static final List<String> FIT_DEVICES =
      List.of("Garmin Edge 530", "Garmin HRM-Pro", "Wahoo Fitness product 31");

  private ActivityFileFixtures() {}

  /**
   * A ride whose values FIT stores exactly (its scaled integers): whole watts, bpm, rpm and °C,
   * speed in mm/s, distance in cm, altitude in 0.2 m. Every 7th record lacks power.
   */
  public static List<ActivityRecord> ride(Instant start, int seconds) {
    List<ActivityRecord> records = new ArrayList<>();
    double distance = 0;
    for (int i = 0; i < seconds; i++) {
      double speed = 8 + (i % 13) * 0.25;
      distance += speed;
      records.add(
          new ActivityRecord(
              start.plusSeconds(i),
              i % 7 == 3 ? null : 180.0 + (i * 37) % 150,
              120.0 + i % 40,
              speed,
              85.0 + i % 9,
              Math.round((312.4 + (i % 20) * 0.2) * 10) / 10.0,
              distance,
              18.0 + i % 3,
              null,
              null));
    }
    return records;
  }

  /** A FIT activity of {@code records} with the given laps, sport and local offset. */
  public static byte[] fit(
      List<ActivityRecord> records, List<Lap> laps, com.garmin.fit.Sport sport, ZoneOffset local) {
    Instant start = records.get(0).timestamp();
    Instant end = records.get(records.size() - 1).timestamp();
    BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V2_0);
    FileIdMesg fileId = new FileIdMesg();
    fileId.setType(File.ACTIVITY);
    fileId.setManufacturer(Manufacturer.GARMIN);
    fileId.setProduct(GarminProduct.EDGE_530);
    fileId.setSerialNumber(12345L);
    fileId.setTimeCreated(new DateTime(start));
    encoder.write(fileId);
    encoder.write(deviceInfo(start, 0, Manufacturer.GARMIN, GarminProduct.EDGE_530, null));
    encoder.write(deviceInfo(start, 1, Manufacturer.GARMIN, 0, "HRM-Pro"));
    encoder.write(deviceInfo(start, 2, Manufacturer.WAHOO_FITNESS, 31, null));
    for (ActivityRecord r : records) {
      encoder.write(recordMesg(r));
    }
    for (Lap lap : laps) {
      LapMesg m = new LapMesg();
      m.setTimestamp(new DateTime(lap.end()));
      m.setStartTime(new DateTime(lap.start()));
      m.setTotalElapsedTime(
          (float) (java.time.Duration.between(lap.start(), lap.end()).toMillis() / 1000.0));
      encoder.write(m);
    }
    SessionMesg session = new SessionMesg();
    session.setTimestamp(new DateTime(end));
    session.setStartTime(new DateTime(start));
    session.setSport(sport);
    encoder.write(session);
    ActivityMesg activity = new ActivityMesg();
    activity.setTimestamp(new DateTime(end));
    if (local != null) {
      activity.setLocalTimestamp(new DateTime(end).getTimestamp() + local.getTotalSeconds());
    }
    activity.setNumSessions(1);
    activity.setType(Activity.MANUAL);
    encoder.write(activity);
    return encoder.close();
  }

  /** The FIT record message of {@code r}: every reading it has, in FIT's fields. */
  static RecordMesg recordMesg(ActivityRecord r) {
    RecordMesg m = new RecordMesg();
    m.setTimestamp(new DateTime(r.timestamp()));
    if (r.power() != null) {
      m.setPower(r.power().intValue());
    }
    if (r.heartRate() != null) {
      m.setHeartRate(r.heartRate().shortValue());
    }
    if (r.speed() != null) {
      m.setEnhancedSpeed(r.speed().floatValue());
    }
    if (r.cadence() != null) {
      m.setCadence(r.cadence().shortValue());
    }
    if (r.altitude() != null) {
      m.setEnhancedAltitude(r.altitude().floatValue());
    }
    if (r.distance() != null) {
      m.setDistance(r.distance().floatValue());
    }
    if (r.temperature() != null) {
      m.setTemperature(r.temperature().byteValue());
    }
    if (r.coreTemperature() != null) {
      m.setCoreTemperature(r.coreTemperature().floatValue());
    }
    if (r.smo2() != null) {
      m.setSaturatedHemoglobinPercent(r.smo2().floatValue());
    }
    return m;
  }

  private static DeviceInfoMesg deviceInfo(
      Instant at, int index, int manufacturer, int product, String productName) {
    DeviceInfoMesg m = new DeviceInfoMesg();
    m.setTimestamp(new DateTime(at));
    m.setDeviceIndex((short) index);
    m.setManufacturer(manufacturer);
    m.setProduct(product);
    if (productName != null) {
      m.setProductName(productName);
    }
    return m;
  }

  /**
   * The records as CSV with timestamps at {@code local}, a {@code sport} column when {@code sport}
   * is not null and a {@code lap} column when {@code lapLabels} is not null (one label per record).
   */
  public static String csv(
      List<ActivityRecord> records, ZoneOffset local, String sport, List<String> lapLabels) {
    String header =
        "timestamp,power,heart_rate,speed,cadence,altitude,distance,temperature"
            + (sport != null ? ",sport" : "")
            + (lapLabels != null ? ",lap" : "");
    List<String> lines = new ArrayList<>();
    lines.add(header);
    for (int i = 0; i < records.size(); i++) {
      ActivityRecord r = records.get(i);
      lines.add(
          Stream.of(
                      r.timestamp().atOffset(local).toString(),
                      cell(r.power()),
                      cell(r.heartRate()),
                      cell(r.speed()),
                      cell(r.cadence()),
                      cell(r.altitude()),
                      cell(r.distance()),
                      cell(r.temperature()))
                  .collect(Collectors.joining(","))
              + (sport != null ? "," + sport : "")
              + (lapLabels != null ? "," + lapLabels.get(i) : ""));
    }
    return String.join("\n", lines) + "\n";
  }

  private static String cell(Double value) {
    return value == null ? "" : value.toString();
  }
}
