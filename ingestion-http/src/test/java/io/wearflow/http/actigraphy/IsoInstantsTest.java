package io.wearflow.http.actigraphy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  @Test
  void formatsAsInstantToStringDoesAcrossFourDigitYearsAndEveryFractionLength() {
    Random random = new Random(10);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    int[] units = {0, 1_000_000, 1000, 1, 100_000_000};
    for (int i = 0; i < 100_000; i++) {
      long second = first + (long) (random.nextDouble() * (last - first + 1));
      int unit = units[i % units.length];
      int nano = unit == 0 ? 0 : random.nextInt(1_000_000_000 / unit) * unit;
      Instant instant = Instant.ofEpochSecond(second, nano);

      assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999999999Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z",
        "2024-02-29T12:00:00.100Z",
        "2024-02-29T12:00:00.000100Z",
        "+10000-01-01T00:00:00Z",
        "-0001-12-31T23:59:59.5Z",
        "-1000000000-01-01T00:00:00Z"
      })
  void edgesAndYearsOutsideFourDigitsAreInstantToString(String text) {
    Instant instant = Instant.parse(text);

    assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
  }
}
