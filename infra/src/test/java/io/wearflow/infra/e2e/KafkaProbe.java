package io.wearflow.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks into Kafka from a test: what a topic holds, and how far a Flink job has got.
 *
 * <p>{@link #awaitConsumed} is the barrier the end-to-end tests use before asserting that something
 * did <em>not</em> change: a Flink Kafka source commits its offsets to its consumer group only when
 * a checkpoint completes, and a checkpoint completes only after every operator, including the
 * user-day table sink (which upserts before each checkpoint), has processed every record before it.
 * So once the group's committed offsets reach a topic's end, the table reflects all its records.
 */
public final class KafkaProbe {

  private KafkaProbe() {}

  /**
   * Every committed record of {@code topic} from the beginning to its current end ({@code
   * read_committed}), the value decoded by {@code decode}.
   */
  public static <V> List<ConsumerRecord<byte[], V>> readAll(
      String bootstrapServers, String topic, Function<byte[], V> decode) {
    List<ConsumerRecord<byte[], V>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Eventually.TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime()).as("reading %s up to %s", topic, ends).isLessThan(deadline);
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          records.add(
              new ConsumerRecord<>(
                  r.topic(), r.partition(), r.offset(), r.key(), decode.apply(r.value())));
        }
      }
    }
    return records;
  }
}
