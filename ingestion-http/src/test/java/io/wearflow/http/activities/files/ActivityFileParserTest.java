package io.wearflow.http.activities.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.garmin.fit.Activity;
import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.SessionMesg;
import io.wearflow.http.activities.ActivityValidationError;
import io.wearflow.http.activities.ActivityValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityFileParserTest {

  private static final Instant START = Instant.parse("2024-05-01T05:30:00Z");
  private static final ZoneOffset LOCAL = ZoneOffset.ofHours(2);

  @TempDir Path dir;

  @Test
  void aFitFileAndACsvOfTheSameRideParseToTheSameRecords() throws IOException {
    List<ActivityRecord> ride = ride(120);

    ParsedActivity fit = ActivityFileParser.parse(0, "ride.FIT", fitFile(ride), null);
    ParsedActivity csv =
        ActivityFileParser.parse(
            1, "ride.csv", csv(ride, true).getBytes(StandardCharsets.UTF_8), null);

    assertThat(fit.records()).isEqualTo(ride);
    assertThat(csv.records()).isEqualTo(ride);
    assertThat(fit.sport()).isEqualTo(Sport.CYCLING);
    assertThat(csv.sport()).isEqualTo(Sport.CYCLING);
    assertThat(fit.localOffset()).isEqualTo(LOCAL);
    assertThat(csv.localOffset()).isEqualTo(LOCAL);
    assertThat(fit.format()).isEqualTo(ActivityFileFormat.FIT);
    assertThat(csv.format()).isEqualTo(ActivityFileFormat.CSV);
  }

  @Test
  void theRequestsSportWinsOverTheFilesSport() throws IOException {
    List<ActivityRecord> ride = ride(5);

    assertThat(ActivityFileParser.parse(0, "a.fit", fitFile(ride), Sport.RUNNING).sport())
        .isEqualTo(Sport.RUNNING);
    assertThat(
            ActivityFileParser.parse(
                    0, "a.csv", csv(ride, true).getBytes(StandardCharsets.UTF_8), Sport.RUNNING)
                .sport())
        .isEqualTo(Sport.RUNNING);
  }

  @Test
  void aFitFileWithAFlippedByteIsRejected() throws IOException {
    byte[] fit = fitFile(ride(60));
    fit[fit.length / 2] ^= 0x5A;

    ActivityValidationException e = rejected(2, "ride.fit", fit, null);

    assertThat(e.errors())
        .containsExactly(
            new ActivityValidationError(
                List.of("body", "files", 2),
                "Corrupt or truncated FIT file: its size or CRC check failed",
                "value_error"));
  }

  @Test
  void aTruncatedFitFileIsRejected() throws IOException {
    byte[] fit = fitFile(ride(60));

    ActivityValidationException e =
        rejected(0, "ride.fit", Arrays.copyOf(fit, fit.length - 100), null);

    assertThat(e.errors().get(0).msg()).startsWith("Corrupt or truncated FIT file");
  }

  @Test
  void aFileThatIsNotFitIsRejected() {
    ActivityValidationException e =
        rejected(0, "ride.fit", "timestamp,power\n".getBytes(StandardCharsets.UTF_8), null);

    assertThat(e.errors().get(0).msg())
        .isEqualTo("Not a FIT file: the header is missing or invalid");
    assertThat(rejected(0, "tiny.fit", new byte[] {14, 16, 0}, null).errors().get(0).msg())
        .isEqualTo("Not a FIT file: the header is missing or invalid");
  }

  @Test
  void aCsvWithoutATimestampColumnIsRejected() {
    String csv = "time,power\n2024-05-01T07:30:00+02:00,200\n";

    ActivityValidationException e =
        rejected(3, "ride.csv", csv.getBytes(StandardCharsets.UTF_8), Sport.CYCLING);

    assertThat(e.errors())
        .containsExactly(
            new ActivityValidationError(
                List.of("body", "files", 3, "line", 1, "timestamp"),
                "The CSV file has no 'timestamp' column (ISO-8601 date-times with offset)",
                "missing"));
  }

  @Test
  void everyBadCsvCellIsReportedWithItsLineAndColumn() {
    String csv =
        String.join(
            "\n",
            "timestamp,power,heart_rate",
            "2024-05-01T07:30:00+02:00,200,120",
            "2024-05-01T07:30:01,210,121",
            ",220,abc",
            "2024-05-01T07:30:03+02:00,NaN",
            "");

    ActivityValidationException e =
        rejected(0, "ride.csv", csv.getBytes(StandardCharsets.UTF_8), Sport.CYCLING);

    assertThat(e.total()).isEqualTo(4);
    assertThat(e.errors())
        .extracting(ActivityValidationError::loc, ActivityValidationError::type)
        .containsExactly(
            tuple(List.of("body", "files", 0, "line", 3, "timestamp"), "datetime_parsing"),
            tuple(List.of("body", "files", 0, "line", 4, "timestamp"), "missing"),
            tuple(List.of("body", "files", 0, "line", 4, "heart_rate"), "float_parsing"),
            tuple(List.of("body", "files", 0, "line", 5), "value_error"));
  }

  @Test
  void aCsvNeedsASportFromTheRequestOrAColumn() {
    byte[] csv = csv(ride(3), false).getBytes(StandardCharsets.UTF_8);

    ActivityValidationException e = rejected(0, "ride.csv", csv, null);

    assertThat(e.errors())
        .containsExactly(
            new ActivityValidationError(
                List.of("body", "sport"),
                "Field required for CSV files (or a 'sport' column in the file)",
                "missing"));
  }

  @Test
  void anUnknownSportIsRejectedWithTheKnownOnes() {
    ActivityValidationException fromRequest =
        catchThrowableOfType(
            ActivityValidationException.class, () -> ActivityFileParser.sport("curling"));
    String csv = "timestamp,sport\n2024-05-01T07:30:00+02:00,curling\n";
    ActivityValidationException fromColumn =
        rejected(1, "a.csv", csv.getBytes(StandardCharsets.UTF_8), null);

    String expected =
        "Input should be 'cycling', 'running', 'walking', 'hiking', 'swimming', 'rowing',"
            + " 'cross_country_skiing', 'soccer' or 'generic'";
    assertThat(fromRequest.errors())
        .containsExactly(new ActivityValidationError(List.of("body", "sport"), expected, "enum"));
    assertThat(fromColumn.errors())
        .containsExactly(
            new ActivityValidationError(
                List.of("body", "files", 1, "line", 2, "sport"), expected, "enum"));
    assertThat(ActivityFileParser.sport(" running ")).isEqualTo(Sport.RUNNING);
    assertThat(ActivityFileParser.sport("")).isNull();
  }

  @Test
  void quotedCsvFieldsAnyColumnOrderAndUnknownColumnsAreAccepted() {
    String csv =
        "\uFEFF\"Power\",notes,\"timestamp\"\r\n"
            + "250,\"a, quoted \"\"note\"\"\",2024-05-01T05:30:00Z\r\n"
            + "\r\n"
            + ",,2024-05-01T05:30:01.500Z\r\n";

    ParsedActivity parsed =
        ActivityFileParser.parse(0, "r.csv", csv.getBytes(StandardCharsets.UTF_8), Sport.RUNNING);

    assertThat(parsed.records())
        .containsExactly(
            new ActivityRecord(START, 250.0, null, null, null, null, null, null, null, null),
            new ActivityRecord(
                START.plusMillis(1500), null, null, null, null, null, null, null, null, null));
    assertThat(parsed.localOffset()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void otherFileTypesAndEmptyFilesAreRejected() {
    assertThat(rejected(4, "ride.gpx", new byte[] {1}, null).errors().get(0))
        .isEqualTo(
            new ActivityValidationError(
                List.of("body", "files", 4),
                "Unsupported file type 'ride.gpx': expected a .fit or .csv file",
                "value_error"));
    assertThat(rejected(0, "ride.csv", new byte[0], Sport.CYCLING).errors().get(0).msg())
        .isEqualTo("The file is empty");
  }

  private static ActivityValidationException rejected(
      int index, String name, byte[] content, Sport sport) {
    ActivityValidationException e =
        catchThrowableOfType(
            ActivityValidationException.class,
            () -> ActivityFileParser.parse(index, name, content, sport));
    assertThat(e).as("rejection of %s", name).isNotNull();
    return e;
  }

  /**
   * A ride whose values FIT stores exactly (its scaled integers): whole watts, bpm, rpm and °C,
   * speed in mm/s, distance in cm, altitude in 0.2 m, core temperature in 0.01 °C, SmO2 in 0.1 %.
   * Every 7th record lacks power and every 11th heart rate, as real files do.
   */
  private static List<ActivityRecord> ride(int seconds) {
    List<ActivityRecord> records = new ArrayList<>();
    double distance = 0;
    for (int i = 0; i < seconds; i++) {
      double speed = 8 + (i % 13) * 0.25;
      distance += speed;
      records.add(
          new ActivityRecord(
              START.plusSeconds(i),
              i % 7 == 3 ? null : 180.0 + (i * 37) % 150,
              i % 11 == 5 ? null : 120.0 + i % 40,
              speed,
              85.0 + i % 9,
              round1(312.4 + (i % 20) * 0.2),
              distance,
              18.0 + i % 3,
              round2(37.5 + (i % 50) * 0.01),
              round1(60 + (i % 30) * 0.5)));
    }
    return records;
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private byte[] fitFile(List<ActivityRecord> records) throws IOException {
    java.io.File file = dir.resolve("ride-" + System.nanoTime() + ".fit").toFile();
    FileEncoder encoder = new FileEncoder(file, Fit.ProtocolVersion.V2_0);
    FileIdMesg fileId = new FileIdMesg();
    fileId.setType(File.ACTIVITY);
    fileId.setManufacturer(Manufacturer.DEVELOPMENT);
    fileId.setProduct(1);
    fileId.setSerialNumber(12345L);
    fileId.setTimeCreated(new DateTime(START));
    encoder.write(fileId);
    for (ActivityRecord r : records) {
      encoder.write(ActivityFileFixtures.recordMesg(r));
    }
    Instant end = records.get(records.size() - 1).timestamp();
    SessionMesg session = new SessionMesg();
    session.setTimestamp(new DateTime(end));
    session.setStartTime(new DateTime(START));
    session.setSport(com.garmin.fit.Sport.CYCLING);
    encoder.write(session);
    ActivityMesg activity = new ActivityMesg();
    activity.setTimestamp(new DateTime(end));
    activity.setLocalTimestamp(new DateTime(end).getTimestamp() + LOCAL.getTotalSeconds());
    activity.setNumSessions(1);
    activity.setType(Activity.MANUAL);
    encoder.write(activity);
    encoder.close();
    return Files.readAllBytes(file.toPath());
  }

  /** The same records as CSV, in local time (+02:00), a sport column if asked. */
  private static String csv(List<ActivityRecord> records, boolean withSport) {
    String header =
        "timestamp,power,heart_rate,speed,cadence,altitude,distance,temperature,core_temperature,smo2"
            + (withSport ? ",sport" : "");
    Stream<String> lines =
        records.stream()
            .map(
                r ->
                    Stream.of(
                                r.timestamp().atOffset(LOCAL).toString(),
                                cell(r.power()),
                                cell(r.heartRate()),
                                cell(r.speed()),
                                cell(r.cadence()),
                                cell(r.altitude()),
                                cell(r.distance()),
                                cell(r.temperature()),
                                cell(r.coreTemperature()),
                                cell(r.smo2()))
                            .collect(Collectors.joining(","))
                        + (withSport ? ",cycling" : ""));
    return Stream.concat(Stream.of(header), lines).collect(Collectors.joining("\n")) + "\n";
  }

  private static String cell(Double value) {
    return value == null ? "" : value.toString();
  }
}
