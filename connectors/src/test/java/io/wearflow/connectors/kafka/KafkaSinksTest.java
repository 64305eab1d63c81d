package io.wearflow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.Topics;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class KafkaSinksTest {

  private static final SchemaRegistryConfig REGISTRY = SchemaRegistryConfig.of("http://r:1");

  @Test
  void exactlyOnceNeedsATransactionalIdPrefix() {
    assertThatThrownBy(
            () ->
                KafkaSinks.avro(
                    "localhost:9092",
                    Topics.DEAD_LETTERS,
                    REGISTRY,
                    letter -> letter.getJob(),
                    DeliveryGuarantee.EXACTLY_ONCE,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transactionalIdPrefix must not be blank");
  }

  @Test
  void bootstrapServersAreRequired() {
    assertThatThrownBy(
            () ->
                KafkaSinks.avro(
                    " ",
                    Topics.DEAD_LETTERS,
                    REGISTRY,
                    letter -> letter.getJob(),
                    DeliveryGuarantee.AT_LEAST_ONCE,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bootstrapServers must not be blank");
  }

  @Test
  void sourceNeedsAGroup() {
    assertThatThrownBy(() -> KafkaSources.raw("localhost:9092", "samples", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupId must not be blank");
  }
}
