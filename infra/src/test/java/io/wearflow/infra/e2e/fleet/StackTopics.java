package io.wearflow.infra.e2e.fleet;

import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.KafkaProbe;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import io.wearflow.schemas.sessions.Session;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a local stack's topics hold now ({@link KafkaProbe#readAll}), values decoded with the
 * stack's schema registry: the records of one user in {@code samples} and {@code sessions}, and the
 * {@code dead-letters}.
 */
final class StackTopics {

  private final LocalStack stack;
  private final SchemaRegistryClient registry;

  StackTopics(LocalStack stack) {
    this.stack = stack;
    this.registry = new SchemaRegistryClient(stack.endpoints().registry());
  }

  /** The user's records in the samples topic, in offset order per partition. */
  List<ConsumerRecord<byte[], Sample>> samplesOf(long userId) {
    ConfluentAvroDeserializer<Sample> decoder =
        new ConfluentAvroDeserializer<>(registry, Sample.class);
    return KafkaProbe.readAll(
            stack.endpoints().kafkaBootstrapServers(),
            stack.config().http().api().kafka().samplesTopic(),
            decoder::deserialize)
        .stream()
        .filter(r -> r.value().getUserId() == userId)
        .toList();
  }

  /** The user's records in the sessions topic, in offset order per partition. */
  List<ConsumerRecord<byte[], Session>> sessionsOf(long userId) {
    ConfluentAvroDeserializer<Session> decoder =
        new ConfluentAvroDeserializer<>(registry, Session.class);
    return KafkaProbe.readAll(
            stack.endpoints().kafkaBootstrapServers(), Topics.SESSIONS.name(), decoder::deserialize)
        .stream()
        .filter(r -> r.value().getUserId() == userId)
        .toList();
  }

  /** Every record of the dead-letters topic. */
  List<ConsumerRecord<byte[], DeadLetter>> deadLetters() {
    ConfluentAvroDeserializer<DeadLetter> decoder =
        new ConfluentAvroDeserializer<>(registry, DeadLetter.class);
    return KafkaProbe.readAll(
        stack.endpoints().kafkaBootstrapServers(),
        Topics.DEAD_LETTERS.name(),
        decoder::deserialize);
  }
}
