package io.wearflow.jobs.timeframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.kafka.AvroRecordDecoder;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Tombstones become deletions; records that cannot be applied become dead letters. */
class TimeframeChangeDecoderTest {

  @Test
  void aTombstoneIsADeletionOfTheKeysTimeframe() throws Exception {
    try (var harness = harness()) {
      harness.processElement(raw(3, "42", null), 0);

      assertThat(harness.extractOutputValues()).containsExactly(TimeframeChange.deletion(42));
      assertThat(harness.getSideOutput(AvroRecordDecoder.DEAD_LETTERS)).isNull();
    }
  }

  @Test
  void aBadKeyOrAnUnreadableValueIsADeadLetterWithItsCoordinates() throws Exception {
    try (var harness = harness()) {
      harness.processElement(raw(4, "not-a-number", null), 0);
      harness.processElement(raw(5, "42", "not avro".getBytes(StandardCharsets.UTF_8)), 0);

      assertThat(harness.extractOutputValues()).isEmpty();
      List<DeadLetter> rejected =
          harness.getSideOutput(AvroRecordDecoder.DEAD_LETTERS).stream()
              .map(StreamRecord::getValue)
              .toList();
      assertThat(rejected)
          .extracting(DeadLetter::getOffset, DeadLetter::getJob, DeadLetter::getTopic)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(4L, "timeframe", "timeframes"),
              org.assertj.core.groups.Tuple.tuple(5L, "timeframe", "timeframes"));
      assertThat(rejected.get(0).getReason()).isEqualTo("key is not a timeframe id");
    }
  }

  @Test
  void aDefinitionThatCannotBeComputedIsNamed() {
    TimeframeDefinition valid = TimeframeRouterHarnessTest.definition(42, 1, 7);

    assertThat(TimeframeChangeDecoder.problemWith(42, valid)).isNull();
    assertThat(TimeframeChangeDecoder.problemWith(43, valid))
        .isEqualTo("timeframe_id 42 differs from the key 43");
    TimeframeDefinition backwards =
        TimeframeDefinition.newBuilder(valid)
            .setEndTime(Instant.parse("2026-05-01T13:00:00Z"))
            .build();
    assertThat(TimeframeChangeDecoder.problemWith(42, backwards))
        .isEqualTo("end_time is before start_time");
    TimeframeDefinition badParams =
        TimeframeDefinition.newBuilder(valid).setParamsJson("{\"max_gap\": 0}").build();
    assertThat(TimeframeChangeDecoder.problemWith(42, badParams))
        .isEqualTo("invalid params: max_gap must be > 0 s");
  }

  private static OneInputStreamOperatorTestHarness<RawRecord, TimeframeChange> harness()
      throws Exception {
    var harness =
        new OneInputStreamOperatorTestHarness<>(
            new ProcessOperator<>(
                new TimeframeChangeDecoder(
                    "timeframe", SchemaRegistryConfig.of("http://localhost:9"))));
    harness.open();
    return harness;
  }

  private static RawRecord raw(long offset, String key, byte[] value) {
    return new RawRecord("timeframes", 0, offset, 0, key.getBytes(StandardCharsets.UTF_8), value);
  }
}
