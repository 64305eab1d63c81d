package io.wearflow.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

  @Test
  void headerIsMagicByteThenBigEndianId() {
    byte[] record = new byte[7];
    ConfluentWireFormat.writeHeader(record, 0x01020304);

    assertThat(record).startsWith(0, 1, 2, 3, 4);
    assertThat(ConfluentWireFormat.schemaId(record)).isEqualTo(0x01020304);
  }

  @Test
  void largeIdsKeepTheirSign() {
    byte[] record = new byte[5];
    ConfluentWireFormat.writeHeader(record, Integer.MAX_VALUE);

    assertThat(ConfluentWireFormat.schemaId(record)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void wrongMagicByteIsRejected() {
    assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {1, 0, 0, 0, 1, 2}))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("magic byte is 1");
  }

  @Test
  void shortOrMissingRecordsAreRejected() {
    assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0, 1}))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("3 bytes");
    assertThatThrownBy(() -> ConfluentWireFormat.schemaId(null))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("null");
  }
}
