package io.wearflow.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoOffsetDateTimesTest {

  @Test
  void commonFormsParseWithoutTheFormatter() {
    assertThat(IsoOffsetDateTimes.parseCommon("2023-11-01T08:04:51.000+04:00"))
        .isEqualTo(OffsetDateTime.of(2023, 11, 1, 8, 4, 51, 0, ZoneOffset.ofHours(4)));
    assertThat(IsoOffsetDateTimes.parseCommon("2023-11-01T08:04:51Z"))
        .isEqualTo(OffsetDateTime.of(2023, 11, 1, 8, 4, 51, 0, ZoneOffset.UTC));
    assertThat(IsoOffsetDateTimes.parseCommon("2024-02-29T23:59:59.123456789-09:30"))
        .isEqualTo(
            OffsetDateTime.of(
                2024, 2, 29, 23, 59, 59, 123_456_789, ZoneOffset.ofHoursMinutes(-9, -30)));
    assertThat(IsoOffsetDateTimes.parseCommon("2023-11-01T08:04:51.5+18:00"))
        .isEqualTo(OffsetDateTime.of(2023, 11, 1, 8, 4, 51, 500_000_000, ZoneOffset.ofHours(18)));
  }

  @Test
  void unusualFormsAreLeftToTheFormatterWhichStillAcceptsThem() {
    for (String text :
        List.of(
            "2023-11-01t08:04:51z",
            "2023-11-01T08:04+04:00",
            "2023-11-01T08:04:51+04:00:30",
            "2023-11-01T08:04:51.+04:00",
            "+12023-11-01T08:04:51Z")) {
      assertThat(IsoOffsetDateTimes.parseCommon(text)).as(text).isNull();
      assertThat(IsoOffsetDateTimes.parse(text))
          .as(text)
          .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
  }

  @Test
  void invalidFieldsFailWithTheFormattersException() {
    for (String text :
        List.of(
            "2023-02-29T08:04:51Z",
            "2023-13-01T08:04:51Z",
            "2023-11-31T08:04:51Z",
            "2023-11-01T24:00:00Z",
            "2023-11-01T08:60:51Z",
            "2023-11-01T08:04:60Z",
            "2023-11-01T08:04:51+18:01",
            "2023-11-01T08:04:51+04:60",
            "2023-11-01T08:04:51.1234567890Z",
            "2023-11-01T08:04:51",
            "2023-11-01 08:04:51Z",
            "２023-11-01T08:04:51Z",
            "2023-11-01T08:04:51+0400",
            "")) {
      Throwable fast = catchThrowable(() -> IsoOffsetDateTimes.parse(text));
      Throwable jdk =
          catchThrowable(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      assertThat(jdk).as(text).isNotNull();
      assertThat(fast).as(text).isNotNull().hasSameClassAs(jdk).hasMessage(jdk.getMessage());
    }
  }

  /**
   * Random date-times near and beyond every field's bounds, and random one-character mutations of
   * them: the result, or the exception and its message, is always the JDK formatter's.
   */
  @Test
  void agreesWithTheFormatterOnRandomAndMutatedInputs() {
    Random random = new Random(20231101);
    String alphabet = "0123456789-+:.TtZz x";
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      String text = randomDateTime(random);
      inputs.add(text);
      StringBuilder mutated = new StringBuilder(text);
      int at = random.nextInt(mutated.length());
      switch (random.nextInt(3)) {
        case 0 -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 1 -> mutated.deleteCharAt(at);
        default -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }
      inputs.add(mutated.toString());
    }
    int fastPath = 0;
    for (String text : inputs) {
      if (IsoOffsetDateTimes.parseCommon(text) != null) {
        fastPath++;
      }
      Object expected;
      try {
        expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (RuntimeException e) {
        expected = e.getClass().getName() + ": " + e.getMessage();
      }
      Object actual;
      try {
        actual = IsoOffsetDateTimes.parse(text);
      } catch (RuntimeException e) {
        actual = e.getClass().getName() + ": " + e.getMessage();
      }
      assertThat(actual).as(text).isEqualTo(expected);
    }
    // The fast path is exercised, not bypassed.
    assertThat(fastPath).isGreaterThan(1_000);
  }

  private static String randomDateTime(Random random) {
    int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 1965 + random.nextInt(70);
    String fraction =
        switch (random.nextInt(4)) {
          case 0 -> "";
          case 1 -> ".000";
          case 2 -> "." + "123456789".substring(0, 1 + random.nextInt(9));
          default -> "." + String.format("%03d", random.nextInt(1000));
        };
    String offset =
        switch (random.nextInt(4)) {
          case 0 -> "Z";
          default ->
              String.format(
                  "%s%02d:%02d",
                  random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(62));
        };
    return String.format(
        "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
        year,
        random.nextInt(14),
        random.nextInt(33),
        random.nextInt(25),
        random.nextInt(61),
        random.nextInt(61),
        fraction,
        offset);
  }
}
