package io.wearflow.infra.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.infra.e2e.ParquetExports;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The known stream of the crash tests: {@value #USERS} users x {@value #SAMPLES_PER_USER}
 * one-minute step samples over {@value #DAYS} recent days (100,000 samples), its ground truth per
 * user-day computed here, a producer that writes it to the {@code samples} topic in slices with
 * pauses (so it spans several checkpoints), and readers of what the pipeline made of it (table,
 * Parquet).
 */
final class DeterministicSamples {

  static final int USERS = 100;
  static final int SAMPLES_PER_USER = 1_000;
  static final int TOTAL = USERS * SAMPLES_PER_USER;
  static final int DAYS = 4;
  static final long FIRST_USER = 7_000_000_001L;

  private final LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS + 1);
  private final Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  /** User u's k-th sample. */
  Sample sample(int u, int k) {
    LocalDate day = firstDay.plusDays(k % DAYS);
    int minute = k / DAYS;
    Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60L * minute);
    return Sample.newBuilder()
        .setUserId(FIRST_USER + u)
        .setSource("crash-test")
        .setDeviceName("Band")
        .setDeviceVersion(null)
        .setDataType("steps")
        .setStartTime(start)
        .setEndTime(start.plusSeconds(60))
        .setZoneOffsetSeconds(0)
        .setUnit("count")
        .setValue((u * 7 + k * 13) % 200 + 1)
        .setReceivedAt(receivedAt)
        .build();
  }

  /** "user date" to "steps count", computed from the stream itself. */
  Map<String, String> expectedUserDays() {
    Map<String, long[]> sums = new TreeMap<>();
    for (int u = 0; u < USERS; u++) {
      for (int k = 0; k < SAMPLES_PER_USER; k++) {
        Sample s = sample(u, k);
        long[] sum =
            sums.computeIfAbsent(
                s.getUserId() + " " + firstDay.plusDays(k % DAYS), x -> new long[2]);
        sum[0] += (long) s.getValue();
        sum[1] += 1;
      }
    }
    Map<String, String> out = new TreeMap<>();
    sums.forEach((key, sum) -> out.put(key, sum[0] + " " + sum[1]));
    return out;
  }

  long expectedStepsTotal() {
    long total = 0;
    for (int u = 0; u < USERS; u++) {
      for (int k = 0; k < SAMPLES_PER_USER; k++) {
        total += (long) sample(u, k).getValue();
      }
    }
    return total;
  }

  /** Writes the whole stream to {@code samples}, in 50 slices 150 ms apart. */
  void feed(String bootstrapServers, SchemaRegistryConfig registry) {
    var serializer =
        new ConfluentAvroSerializer<>(
            new SchemaRegistryClient(registry), Topics.SAMPLES.valueSubject(), Sample.class);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                // Fail fast when the broker is killed under the feed (the stack-kill test).
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                15_000),
            new StringSerializer(),
            new ByteArraySerializer())) {
      int slices = 50;
      int perSlice = SAMPLES_PER_USER / slices;
      for (int slice = 0; slice < slices; slice++) {
        List<Future<?>> sent = new ArrayList<>();
        for (int k = slice * perSlice; k < (slice + 1) * perSlice; k++) {
          for (int u = 0; u < USERS; u++) {
            Sample s = sample(u, k);
            Future<?> future =
                producer.send(
                    new ProducerRecord<>(
                        Topics.SAMPLES.name(),
                        Long.toString(s.getUserId()),
                        serializer.serialize(s)));
            if (future.isDone()) {
              future.get(); // failed at once (no broker): stop instead of blocking per record
            }
            sent.add(future);
          }
        }
        for (Future<?> future : sent) {
          future.get();
        }
        Thread.sleep(150);
      }
    } catch (Exception e) {
      throw new IllegalStateException("feeding failed", e);
    }
  }

  /** The user_day rows of the stream's users, as {@link #expectedUserDays()} shows them. */
  static Map<String, String> storedUserDays(PostgresConfig pg) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
        PreparedStatement q =
            c.prepareStatement(
                "SELECT user_id, local_date, steps_total, sample_count FROM user_day"
                    + " WHERE user_id >= ?")) {
      q.setLong(1, FIRST_USER);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.put(
              r.getLong(1) + " " + r.getObject(2, LocalDate.class),
              (long) r.getDouble(3) + " " + r.getInt(4));
        }
      }
    }
    return out;
  }

  /** Checks both Parquet datasets under {@code exports} against the ground truth. */
  void assertParquetExportsExact(Path exports) throws Exception {
    String samples = files(exports.resolve("samples"));
    assertThat(
            query(
                "SELECT count(*), count(DISTINCT user_id || '/' || epoch_ms(start_time)),"
                    + " CAST(sum(value) AS BIGINT) FROM read_parquet("
                    + samples
                    + ") WHERE source = 'crash-test'"))
        .as("samples export: rows, distinct samples, steps")
        .containsExactly(
            List.of(
                String.valueOf(TOTAL),
                String.valueOf(TOTAL),
                String.valueOf(expectedStepsTotal())));
    List<List<String>> latest =
        query(
            "SELECT user_id || ' ' || CAST(local_date AS VARCHAR), CAST(steps_total AS BIGINT),"
                + " sample_count FROM read_parquet("
                + files(exports.resolve("user_days"))
                + ") WHERE user_id >= "
                + FIRST_USER
                + " QUALIFY row_number() OVER (PARTITION BY user_id, local_date"
                + " ORDER BY version DESC) = 1");
    Map<String, String> exported = new TreeMap<>();
    latest.forEach(r -> exported.put(r.get(0), r.get(1) + " " + r.get(2)));
    assertThat(exported).as("latest user_days rows").isEqualTo(expectedUserDays());
  }

  private static String files(Path dir) throws Exception {
    return ParquetExports.committedFiles(dir).stream()
        .map(f -> "'" + f.toAbsolutePath() + "'")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static List<List<String>> query(String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet r = duckdb.createStatement().executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
