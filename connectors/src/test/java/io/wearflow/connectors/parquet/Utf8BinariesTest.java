package io.wearflow.connectors.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;

class Utf8BinariesTest {

  @Test
  void equalStringsShareOneEncoding() {
    Utf8Binaries binaries = new Utf8Binaries(8);
    Binary first = binaries.of("count/min");
    Binary again = binaries.of(new String("count/min".toCharArray()));
    assertThat(again).isSameAs(first);
    assertThat(binaries.size()).isEqualTo(1);
  }

  @Test
  void encodesAsUtf8() {
    Binary binary = new Utf8Binaries(8).of("Ü🚴");
    assertThat(binary.getBytes()).containsExactly(0xC3, 0x9C, 0xF0, 0x9F, 0x9A, 0xB4);
    assertThat(binary.toStringUsingUTF8()).isEqualTo("Ü🚴");
  }

  @Test
  void startsOverWhenMoreDistinctStringsArriveThanItHolds() {
    Utf8Binaries binaries = new Utf8Binaries(3);
    Binary a = binaries.of("a");
    binaries.of("b");
    binaries.of("c");
    assertThat(binaries.size()).isEqualTo(3);
    assertThat(binaries.of("d").toStringUsingUTF8()).isEqualTo("d");
    assertThat(binaries.size()).isEqualTo(1);
    Binary aAgain = binaries.of("a");
    assertThat(aAgain).isNotSameAs(a).isEqualTo(a);
    assertThat(binaries.size()).isEqualTo(2);
  }
}
