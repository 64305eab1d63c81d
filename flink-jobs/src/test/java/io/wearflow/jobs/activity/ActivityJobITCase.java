package io.wearflow.jobs.activity;

import static io.wearflow.jobs.activity.TestActivities.activity;
import static io.wearflow.jobs.activity.TestActivities.lap;
import static io.wearflow.jobs.activity.TestActivities.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.parquet.ParquetSinks;
import io.wearflow.connectors.postgres.ActivityTableSink;
import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import io.wearflow.schemas.common.DeadLetter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.testing.CollectingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job after decoding on a MiniCluster with parallelism 2 and checkpoints, writing into a real
 * PostgreSQL (migrated) and real Parquet files: a two-minute ride with a re-sent record and a 30 kW
 * spike, and a 90-second run. Every figure is checked against a computation straight from the
 * generated readings: the mean-max curve by brute force over all windows, the AWD by counting a
 * sorted copy. The Kafka and registry path is covered by the infra module's tests.
 */
class ActivityJobITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir static Path exports;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant RIDE_START = Instant.parse("2024-05-01T06:00:00Z");
  private static final Instant RUN_START = Instant.parse("2024-05-01T02:00:00Z");
  private static final int RIDE_SECONDS = 120;
  private static final int RUN_SECONDS = 90;
  private static final int SPIKE_SECOND = 40;

  /** The ride's power per second as the analyses see it: the spike replaced by the held 39th. */
  private static final double[] RIDE_POWER = new double[RIDE_SECONDS];

  private static final double[] RUN_SPEED = new double[RUN_SECONDS];
  private static double rideDistance;

  private static EmbeddedPostgres postgres;
  private static PostgresConfig database;

  @BeforeAll
  static void runJob() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    database = new PostgresConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    Database.connect(database).close();

    List<ActivityRecord> records = new ArrayList<>();
    double distance = 0;
    double firstDistance = 0;
    for (int s = 0; s < RIDE_SECONDS; s++) {
      double power = 200 + 80 * Math.sin(s / 5.0) + (s % 7) * 10;
      double speed = 8 + Math.sin(s / 9.0);
      distance += speed;
      if (s == 0) {
        firstDistance = distance;
      }
      RIDE_POWER[s] = s == SPIKE_SECOND ? RIDE_POWER[s - 1] : power;
      ActivityRecord record =
          record("ride", 7, RIDE_START.plusSeconds(s))
              .setPower(s == SPIKE_SECOND ? 30_000.0 : power)
              .setSpeed(speed)
              .setHeartRate(110 + s / 2.0)
              .setDistance(distance)
              .build();
      records.add(record);
      if (s == 17) {
        records.add(record); // re-sent
      }
    }
    rideDistance = distance - firstDistance;
    for (int s = 0; s < RUN_SECONDS; s++) {
      RUN_SPEED[s] = 3 + 0.5 * Math.cos(s / 4.0);
      records.add(
          record("run", 8, RUN_START.plusSeconds(s))
              .setSpeed(RUN_SPEED[s])
              .setHeartRate(140.0 + s % 10)
              .build());
    }
    List<UploadedActivity> activities =
        List.of(
            activity("ride", 7, RIDE_START, RIDE_START.plusSeconds(RIDE_SECONDS - 1), RIDE_SECONDS)
                .setLaps(
                    List.of(
                        lap(RIDE_START, RIDE_START.plusSeconds(60)),
                        lap(RIDE_START.plusSeconds(60), RIDE_START.plusSeconds(RIDE_SECONDS))))
                .build(),
            activity("run", 8, RUN_START, RUN_START.plusSeconds(RUN_SECONDS - 1), RUN_SECONDS)
                .setSport("running")
                .setLocalOffsetSeconds(-5 * 3600)
                .build());

    StreamExecutionEnvironment env = environment();
    env.enableCheckpointing(100);
    CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
    new ActivityJob(
            source(List.of()),
            source(List.of()),
            SchemaRegistryConfig.of("http://localhost:9"),
            new ActivityJob.Sinks(
                new ActivityTableSink(database, 20, Duration.ofMillis(200)),
                ParquetSinks.meanMaxByLocalDate(exports.resolve("mean_max").toUri().toString()),
                ParquetSinks.activityRecordsByLocalDate(
                    exports.resolve("activity_records").toUri().toString()),
                deadLetters),
            ActivityJob.Settings.DEFAULT)
        .addAfterDecoding(
            env.fromData(records, TypeInformation.of(ActivityRecord.class)),
            env.fromData(activities, TypeInformation.of(UploadedActivity.class)));
    env.execute(ActivityJob.NAME);
    assertThat(deadLetters.getRemainingOutput()).isEmpty();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void theRideIsSummarisedWithoutTheSpike() throws Exception {
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT metrics, summary, laps, quality, distance, local_offset_seconds, sport"
                    + " FROM recorded_activities WHERE activity_id = ?")) {
      query.setString(1, "ride");
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat((String[]) row.getArray(1).getArray())
            .containsExactly("duration", "power", "speed", "heart_rate", "distance");
        JsonNode power = JSON.readTree(row.getString(2)).get("power");
        assertThat(power.get("max").asDouble())
            .isEqualTo(Arrays.stream(RIDE_POWER).max().orElseThrow());
        assertThat(power.get("mean").asDouble())
            .isCloseTo(Arrays.stream(RIDE_POWER).average().orElseThrow(), within(1e-9));
        JsonNode laps = JSON.readTree(row.getString(3));
        assertThat(laps).hasSize(2);
        assertThat(laps.get(1).get("power").get("mean").asDouble())
            .isCloseTo(
                Arrays.stream(RIDE_POWER, 60, RIDE_SECONDS).average().orElseThrow(), within(1e-9));
        assertThat(laps.get(0).get("start_local").asText()).isEqualTo("2024-05-01T08:00:00+02:00");
        assertThat(JSON.readTree(row.getString(4)).get("power").get("removed").asInt())
            .isEqualTo(1);
        assertThat(row.getDouble(5)).isCloseTo(rideDistance, within(1e-9));
        assertThat(row.getInt(6)).isEqualTo(7200);
        assertThat(row.getString(7)).isEqualTo("cycling");
      }
    }
  }

  @Test
  void theRunHasNoLapsAndItsOwnLocalDate() throws Exception {
    try (Connection connection = connect();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT r.metrics, r.laps, m.local_date::text FROM recorded_activities r"
                        + " JOIN activity_mean_max m USING (activity_id)"
                        + " WHERE activity_id = 'run' AND m.metric = 'speed'")) {
      assertThat(row.next()).isTrue();
      assertThat((String[]) row.getArray(1).getArray())
          .containsExactly("duration", "speed", "heart_rate");
      assertThat(row.getString(2)).isNull();
      assertThat(row.getString(3)).isEqualTo("2024-04-30");
    }
  }

  @Test
  void meanMaxEqualsTheBruteForceBest() throws Exception {
    for (int d : new int[] {1, 5, 30, 119, 120}) {
      assertThat(storedBest("ride", "power", d))
          .as("ride power %d s", d)
          .isCloseTo(bruteForceBest(RIDE_POWER, d), within(1e-9));
    }
    for (int d : new int[] {1, 10, 90}) {
      assertThat(storedBest("run", "speed", d))
          .as("run speed %d s", d)
          .isCloseTo(bruteForceBest(RUN_SPEED, d), within(1e-9));
    }
  }

  @Test
  void awdEqualsACountOverTheSortedSeconds() throws Exception {
    long[] stored;
    try (Connection connection = connect();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT level_step, seconds_at_or_above FROM activity_awd"
                        + " WHERE activity_id = 'ride' AND metric = 'power'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getDouble(1)).isEqualTo(1);
      stored =
          Arrays.stream((Long[]) row.getArray(2).getArray()).mapToLong(Long::longValue).toArray();
    }
    double[] sorted = RIDE_POWER.clone();
    Arrays.sort(sorted);
    int levels = (int) Math.floor(sorted[sorted.length - 1]) + 2;
    long[] expected = new long[levels];
    for (int k = 0; k < levels; k++) {
      int firstAtOrAbove = 0;
      while (firstAtOrAbove < sorted.length && sorted[firstAtOrAbove] < k) {
        firstAtOrAbove++;
      }
      expected[k] = sorted.length - firstAtOrAbove;
    }
    assertThat(stored).containsExactly(expected);
  }

  @Test
  void everyRecordedMetricHasItsSeries() throws Exception {
    try (Connection connection = connect();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT activity_id || ':' || metric || ':' || cardinality(vals)"
                        + " FROM activity_series ORDER BY 1")) {
      List<String> series = new ArrayList<>();
      while (rows.next()) {
        series.add(rows.getString(1));
      }
      assertThat(series)
          .containsExactly(
              "ride:distance:120",
              "ride:heart_rate:120",
              "ride:power:120",
              "ride:speed:120",
              "run:heart_rate:90",
              "run:speed:90");
    }
  }

  @Test
  void theRecordsExportHasOneRowPerDistinctRecord() throws Exception {
    List<GenericRecord> rows = readParquet("activity_records");
    assertThat(rows).hasSize(RIDE_SECONDS + RUN_SECONDS);
    Schema schema = rows.get(0).getSchema();
    assertThat(schema.getFields())
        .extracting(Schema.Field::name)
        .containsExactly(
            "activity_id",
            "user_id",
            "sport",
            "timestamp",
            "power",
            "heart_rate",
            "speed",
            "cadence",
            "altitude",
            "distance",
            "temperature",
            "core_temperature",
            "smo2");
    assertThat(rows)
        .filteredOn(row -> row.get("activity_id").toString().equals("ride"))
        .hasSize(RIDE_SECONDS)
        .anySatisfy(row -> assertThat(row.get("power")).isEqualTo(30_000.0));
    assertThat(partitions("activity_records"))
        .containsExactly("date=2024-04-30", "date=2024-05-01");
  }

  @Test
  void theMeanMaxExportHasOneRowPerMetricAndDuration() throws Exception {
    List<GenericRecord> rows = readParquet("mean_max");
    // ride: power, speed, heart rate x 120 s; run: speed, heart rate x 90 s.
    assertThat(rows).hasSize(3 * RIDE_SECONDS + 2 * RUN_SECONDS);
    assertThat(rows.get(0).getSchema().getFields())
        .extracting(Schema.Field::name)
        .containsExactly(
            "activity_id", "user_id", "sport", "metric", "duration_s", "value", "window_start");
    GenericRecord fiveSeconds =
        rows.stream()
            .filter(
                row ->
                    row.get("activity_id").toString().equals("ride")
                        && row.get("metric").toString().equals("power")
                        && (int) row.get("duration_s") == 5)
            .findFirst()
            .orElseThrow();
    assertThat((double) fiveSeconds.get("value"))
        .isCloseTo(bruteForceBest(RIDE_POWER, 5), within(1e-9));
    assertThat(partitions("mean_max")).containsExactly("date=2024-04-30", "date=2024-05-01");
  }

  @Test
  void unreadableRecordsBecomeDeadLetters() throws Exception {
    CollectingSink<DeadLetter> rejected = new CollectingSink<>();
    StreamExecutionEnvironment env = environment();
    new ActivityJob(
            source(List.of(new RawRecord("activity-records", 0, 7, 0, bytes("a"), bytes("junk")))),
            source(List.of(new RawRecord("activities", 1, 3, 0, bytes("a"), new byte[] {0, 0}))),
            SchemaRegistryConfig.of("http://localhost:9"),
            new ActivityJob.Sinks(
                new CollectingSink<>(), new CollectingSink<>(), new CollectingSink<>(), rejected),
            ActivityJob.Settings.DEFAULT)
        .addTo(env);
    env.execute(ActivityJob.NAME);
    assertThat(rejected.getRemainingOutput())
        .extracting(d -> d.getTopic() + "@" + d.getOffset())
        .containsExactlyInAnyOrder("activity-records@7", "activities@3");
  }

  private static double bruteForceBest(double[] values, int d) {
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i + d <= values.length; i++) {
      double sum = 0;
      for (int k = i; k < i + d; k++) {
        sum += values[k];
      }
      best = Math.max(best, sum / d);
    }
    return best;
  }

  private static double storedBest(String activityId, String metric, int duration)
      throws Exception {
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT best[?] FROM activity_mean_max WHERE activity_id = ? AND metric = ?")) {
      query.setInt(1, duration);
      query.setString(2, activityId);
      query.setString(3, metric);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getDouble(1);
      }
    }
  }

  private static List<GenericRecord> readParquet(String dataset) throws Exception {
    List<GenericRecord> rows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(exports.resolve(dataset))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        try (ParquetReader<GenericRecord> reader =
            AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
          for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  private static List<String> partitions(String dataset) throws Exception {
    try (Stream<Path> dirs = Files.list(exports.resolve(dataset))) {
      return dirs.map(dir -> dir.getFileName().toString()).sorted().toList();
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(
        database.jdbcUrl(), database.username(), database.password());
  }

  private static DataGeneratorSource<RawRecord> source(List<RawRecord> records) {
    List<RawRecord> copy = List.copyOf(records);
    return new DataGeneratorSource<>(
        index -> copy.get(index.intValue()), copy.size(), TypeInformation.of(RawRecord.class));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static StreamExecutionEnvironment environment() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // Every record and state type must have a Flink or Avro serializer, never Kryo.
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    env.configure(config);
    return env;
  }
}
