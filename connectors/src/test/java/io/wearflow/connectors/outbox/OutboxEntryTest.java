package io.wearflow.connectors.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.schemas.timeframes.TimeframeDefinition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxEntryTest {

  private static final Instant START = Instant.parse("2024-05-01T18:00:00Z");
  private static final Instant END = Instant.parse("2024-05-01T18:45:00Z");

  @Test
  void upsertBecomesTheWholeDefinitionKeyedByTimeframeId() {
    OutboxEntry entry =
        new OutboxEntry(9, 42, false, 3, 7L, 11L, 5L, 2L, START, END, "{\"max_hr\": 190}");

    assertThat(entry.key()).isEqualTo("42");
    assertThat(entry.value())
        .isEqualTo(
            new TimeframeDefinition(42L, 3L, 7L, 11L, 5L, 2L, START, END, "{\"max_hr\": 190}"));
  }

  @Test
  void upsertWithoutActivityOrParamsHasNullActivityAndEmptyParams() {
    OutboxEntry entry = new OutboxEntry(9, 42, false, 1, 7L, 11L, null, 2L, START, END, null);

    assertThat(entry.value().getActivityId()).isNull();
    assertThat(entry.value().getParamsJson()).isEqualTo("{}");
  }

  @Test
  void deleteIsATombstone() {
    OutboxEntry entry = new OutboxEntry(10, 42, true, 4, null, null, null, null, null, null, null);

    assertThat(entry.key()).isEqualTo("42");
    assertThat(entry.value()).isNull();
  }

  @Test
  void upsertWithoutDefinitionIsRefused() {
    OutboxEntry entry = new OutboxEntry(10, 42, false, 4, null, 1L, null, 2L, START, END, null);

    assertThatThrownBy(entry::value).hasMessageContaining("outbox row 10");
  }
}
