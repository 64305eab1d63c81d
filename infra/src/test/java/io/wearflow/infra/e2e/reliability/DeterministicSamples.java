package io.wearflow.infra.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.infra.soak.DayTotal;
import io.wearflow.infra.soak.GroundTruth;
import io.wearflow.infra.soak.SampleStream;
import io.wearflow.infra.soak.StoredResults;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The known stream of the crash tests: {@value #USERS} users x {@value #SAMPLES_PER_USER} samples
 * of a {@link SampleStream} (100,000 samples) with its {@link GroundTruth}, a producer that writes
 * it straight to the {@code samples} topic in slices with pauses (so it spans several checkpoints),
 * and checks of what the pipeline made of it ({@link StoredResults}).
 */
final class DeterministicSamples {

  static final int USERS = 100;
  static final int SAMPLES_PER_USER = 1_000;
  static final long FIRST_USER = 7_000_000_001L;

  private final SampleStream stream =
      new SampleStream(
          LongStream.range(FIRST_USER, FIRST_USER + USERS).boxed().toList(),
          "crash-test",
          SampleStream.recentFirstDay());
  private final GroundTruth truth = new GroundTruth();
  private final StoredResults stored = new StoredResults(stream.userIds());

  DeterministicSamples() {
    for (int u = 0; u < USERS; u++) {
      truth.addRange(stream, u, 0, SAMPLES_PER_USER);
    }
  }

  /** "user date" to steps and sample count, computed from the stream itself. */
  Map<String, DayTotal> expectedUserDays() {
    return truth.userDays();
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
            Sample s = stream.sample(u, k);
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
  Map<String, DayTotal> storedUserDays(PostgresConfig pg) throws Exception {
    return stored.userDays(pg);
  }

  /** Checks both Parquet datasets under {@code exports} against the ground truth. */
  void assertParquetExportsExact(Path exports) throws Exception {
    assertThat(stored.sampleExport(exports))
        .as("samples export: rows, distinct samples, steps")
        .isEqualTo(new StoredResults.SampleExport(truth.samples(), truth.samples(), truth.steps()));
    assertThat(stored.exportedUserDays(exports))
        .as("latest user_days rows")
        .isEqualTo(expectedUserDays());
  }
}
