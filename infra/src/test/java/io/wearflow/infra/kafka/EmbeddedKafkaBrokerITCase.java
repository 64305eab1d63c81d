package io.wearflow.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerITCase {

  @TempDir Path dir;

  @Test
  void producedRecordIsConsumedAndSurvivesARestart() throws Exception {
    RecordMetadata written;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, 0)) {
      broker.createTopics(List.of("readings"), 2);
      broker.createTopics(List.of("readings", "other"), 3); // existing topics are fine

      try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
        written = producer.send(new ProducerRecord<>("readings", "user-42", "bpm=61")).get();
      }
      assertThat(consumeAll(broker.bootstrapServers(), "readings", "first", 1))
          .extracting(ConsumerRecord::key, ConsumerRecord::value, ConsumerRecord::offset)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("user-42", "bpm=61", 0L));
    }

    try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(dir, 0, 0)) {
      List<ConsumerRecord<String, String>> records =
          consumeAll(restarted.bootstrapServers(), "readings", "after-restart", 1);
      assertThat(records).hasSize(1);
      assertThat(records.get(0).partition()).isEqualTo(written.partition());
      assertThat(records.get(0).value()).isEqualTo("bpm=61");
      assertThat(partitions(restarted.bootstrapServers()))
          .isEqualTo(Map.of("readings", 2, "other", 3));
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> consumeAll(
      String bootstrapServers, String topic, String group, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static Map<String, Integer> partitions(String bootstrapServers) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> names = admin.listTopics().names().get();
      Map<String, TopicDescription> descriptions =
          admin.describeTopics(names).allTopicNames().get();
      Map<String, Integer> result = new java.util.HashMap<>();
      descriptions.forEach((name, d) -> result.put(name, d.partitions().size()));
      return result;
    }
  }
}
