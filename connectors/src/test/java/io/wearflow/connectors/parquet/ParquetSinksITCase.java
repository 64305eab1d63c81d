package io.wearflow.connectors.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.samples.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both exports written by a bounded Flink job (committed by its final checkpoint) and read back by
 * DuckDB, with nothing of the project on DuckDB's side: Hive partitions, v2 columns, lists with
 * null elements, nested source totals.
 */
class ParquetSinksITCase {

  @TempDir static Path exports;

  private static final Instant RECEIVED = Instant.parse("2024-03-31T12:00:00Z");

  /** 23:30 local in +02:00 with the day starting at 00:00: exported under 2024-03-30. */
  private static final Sample LATE_EVENING =
      sample("2024-03-30T21:30:00Z", 7200, 0, "Watch", "SN-1", 120);

  /** 02:30 local in +02:00 with the day starting at 04:00: still the day of 2024-03-30. */
  private static final Sample NIGHT = sample("2024-03-31T00:30:00Z", 7200, 4, "Phone", null, 40);

  /** 10:00 local in -05:00. */
  private static final Sample MORNING = sample("2024-03-31T15:00:00Z", -18000, 0, "Phone", null, 9);

  @BeforeAll
  static void writeExports() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(100);
    env.fromData(List.of(LATE_EVENING, NIGHT, MORNING), TypeInformation.of(Sample.class))
        .sinkTo(ParquetSinks.samplesByLocalDate(exports.resolve("samples").toUri().toString()));
    env.fromData(
            List.of(
                new PublishedUserDay(day("2024-03-30", 100, RECEIVED), 1),
                new PublishedUserDay(day("2024-03-30", 160, RECEIVED), 2),
                new PublishedUserDay(day("2024-03-31", 9, RECEIVED.plusSeconds(5)), 1)),
            TypeInformation.of(PublishedUserDay.class))
        .sinkTo(ParquetSinks.userDaysByLocalDate(exports.resolve("user_days").toUri().toString()));
    env.execute("parquet-exports");
  }

  @Test
  void samplesArePartitionedByTheirLocalDateWithTheDayStartHour() throws Exception {
    assertThat(partitions("samples")).containsExactly("date=2024-03-30", "date=2024-03-31");
    List<String> rows =
        query(
            "SELECT date, device_name, coalesce(device_id, '-'), value, day_start_hour,"
                + " zone_id, start_time FROM read_parquet('"
                + exports.resolve("samples")
                + "/*/*.parquet', hive_partitioning = true) ORDER BY start_time");
    assertThat(rows)
        .containsExactly(
            "2024-03-30|Watch|SN-1|120.0|0|Europe/Berlin|2024-03-30T21:30Z",
            "2024-03-30|Phone|-|40.0|4|Europe/Berlin|2024-03-31T00:30Z",
            "2024-03-31|Phone|-|9.0|0|Europe/Berlin|2024-03-31T15:00Z");
  }

  @Test
  void userDaysKeepEveryPublicationAndTheLatestIsTheLargestVersion() throws Exception {
    assertThat(partitions("user_days")).containsExactly("date=2024-03-30", "date=2024-03-31");
    List<String> latest =
        query(
            "SELECT user_id, local_date, steps_total, version, updated_at FROM "
                + userDays()
                + " QUALIFY row_number() OVER (PARTITION BY user_id, local_date"
                + " ORDER BY updated_at DESC, version DESC) = 1 ORDER BY local_date");
    assertThat(latest)
        .containsExactly(
            "42|2024-03-30|160.0|2|2024-03-31T12:00Z", "42|2024-03-31|9.0|1|2024-03-31T12:00:05Z");
    assertThat(query("SELECT count(*) FROM " + userDays())).containsExactly("3");
  }

  @Test
  void curvesReadBackAsListsWithNullsWhereThereIsNoData() throws Exception {
    List<String> rows =
        query(
            "SELECT len(steps_per_minute), steps_per_minute[1], steps_per_minute[2],"
                + " steps_per_minute[1440], list_count(steps_per_minute),"
                + " bpm_per_minute[600], bpm_resting, list_count(distance_per_minute)"
                + " FROM "
                + userDays()
                + " WHERE version = 2");
    // steps only in slots 0 and 1439 (DuckDB lists count from 1); heart rate only in slot 599
    assertThat(rows).containsExactly("1440|160.0|null|1.5|2|61.5|null|0");
  }

  @Test
  void listsUseTheStandardThreeLevelStructure() throws Exception {
    List<String> levels =
        query(
            "SELECT DISTINCT name, repetition_type FROM parquet_schema('"
                + exports.resolve("user_days")
                + "/*/*.parquet') WHERE name IN ('list', 'element') ORDER BY name, repetition_type");
    assertThat(levels)
        .containsExactlyInAnyOrder("element|OPTIONAL", "element|REQUIRED", "list|REPEATED");
  }

  @Test
  void sourcesAndDevicesReadBackAsNestedColumns() throws Exception {
    List<String> rows =
        query(
            "SELECT devices, sources[1].source, sources[1].device_name, sources[1].steps,"
                + " sources[1].sample_count, distance_total_m, calories_total_j FROM "
                + userDays()
                + " WHERE version = 2");
    assertThat(rows).containsExactly("[Phone, Watch]|samples-v1.1|Phone|160.0|3|12.5|4184.0");
  }

  private static Sample sample(
      String start, int offset, int dayStartHour, String device, String deviceId, double steps) {
    return Sample.newBuilder()
        .setUserId(42)
        .setSource("samples-v1.1")
        .setDeviceName(device)
        .setDeviceId(deviceId)
        .setDeviceVersion(null)
        .setDataType("steps")
        .setStartTime(Instant.parse(start))
        .setEndTime(Instant.parse(start).plusSeconds(60))
        .setZoneOffsetSeconds(offset)
        .setZoneId("Europe/Berlin")
        .setDayStartHour(dayStartHour)
        .setUnit("count")
        .setValue(steps)
        .setReceivedAt(RECEIVED)
        .build();
  }

  private static UserDay day(String date, double firstMinuteSteps, Instant updatedAt) {
    List<Double> steps = new ArrayList<>(Collections.nCopies(1440, (Double) null));
    steps.set(0, firstMinuteSteps);
    steps.set(1439, 1.5);
    List<Double> bpm = new ArrayList<>(Collections.nCopies(1440, (Double) null));
    bpm.set(599, 61.5);
    List<Double> none = Collections.nCopies(1440, null);
    return UserDay.newBuilder()
        .setUserId(42)
        .setLocalDate(LocalDate.parse(date))
        .setStepsTotal(firstMinuteSteps)
        .setBpmMin(61.5)
        .setBpmMax(61.5)
        .setBpmMean(61.5)
        .setBpmResting(null)
        .setSampleCount(3)
        .setDevices(List.of("Phone", "Watch"))
        .setUpdatedAt(updatedAt)
        .setDistanceTotalM(12.5)
        .setCaloriesTotalJ(4184)
        .setMinutesWithData(3)
        .setActiveMinutes(1)
        .setDayStartHour(0)
        .setSources(
            List.of(
                SourceTotals.newBuilder()
                    .setSource("samples-v1.1")
                    .setDeviceName("Phone")
                    .setSteps(firstMinuteSteps)
                    .setDistanceM(12.5)
                    .setCaloriesJ(4184)
                    .setSampleCount(3)
                    .build()))
        .setStepsPerMinute(steps)
        .setDistancePerMinute(none)
        .setCaloriesPerMinute(none)
        .setBpmPerMinute(bpm)
        .build();
  }

  private static String userDays() {
    return "read_parquet('"
        + exports.resolve("user_days")
        + "/*/*.parquet', hive_partitioning = true)";
  }

  private static List<String> partitions(String dataset) throws Exception {
    try (Stream<Path> dirs = Files.list(exports.resolve(dataset))) {
      return dirs.map(dir -> dir.getFileName().toString()).sorted().toList();
    }
  }

  /** Runs {@code sql} in an in-memory DuckDB; each row as its columns joined by '|'. */
  private static List<String> query(String sql) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery(sql)) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          String[] values = new String[columns];
          for (int i = 0; i < columns; i++) {
            values[i] = String.valueOf(result.getObject(i + 1));
          }
          rows.add(String.join("|", Arrays.asList(values)));
        }
      }
      return rows;
    }
  }
}
