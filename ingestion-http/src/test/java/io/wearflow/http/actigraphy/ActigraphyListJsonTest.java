package io.wearflow.http.actigraphy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.http.actigraphy.ActigraphyDay.HeartRate;
import io.wearflow.http.actigraphy.ActigraphyDay.Source;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.schemas.actigraphy.UserDay;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written list body against what the edge's {@code ObjectMapper} writes for the same
 * records (the answer before it was written by hand): byte for byte.
 */
class ActigraphyListJsonTest {

  private final ObjectMapper mapper = JsonSupport.newObjectMapper();

  @Test
  void writesTheBytesTheObjectMapperWritesForAYearOfVariedDays() throws Exception {
    Random random = new Random(6);
    List<ActigraphyDay> days = new ArrayList<>();
    LocalDate first = LocalDate.parse("2023-12-31");
    for (int d = 0; d < 366; d++) {
      days.add(randomDay(random, first.plusDays(d)));
    }
    ActigraphyResponse response =
        new ActigraphyResponse(
            first,
            first.plusDays(400),
            366,
            days,
            "/api/0.1/actigraphy/?start_date=2025-01-01&end_date=2025-02-04&limit=366");

    assertThat(new String(ActigraphyListJson.write(response), StandardCharsets.UTF_8))
        .isEqualTo(mapper.writeValueAsString(response));
  }

  @Test
  void writesNullsWhereTheObjectMapperWritesThem() throws Exception {
    ActigraphyDay day =
        new ActigraphyDay(
            null,
            0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            -0.0,
            new HeartRate(null, null, 60.0, null),
            0,
            0,
            null,
            0,
            null,
            null,
            null);
    ActigraphyDay nullsInside =
        new ActigraphyDay(
            LocalDate.parse("+12024-01-01"),
            23,
            1,
            2,
            3,
            null,
            1,
            1,
            List.of(new Source(null, null, 0, 0, 0, Integer.MIN_VALUE)),
            Integer.MAX_VALUE,
            Arrays.asList("a", null),
            Instant.parse("2024-01-01T00:00:00.000000001Z"),
            null);
    ActigraphyResponse response =
        new ActigraphyResponse(null, null, 1, List.of(day, nullsInside), null);

    assertThat(new String(ActigraphyListJson.write(response), StandardCharsets.UTF_8))
        .isEqualTo(mapper.writeValueAsString(response));
  }

  @Test
  void anEmptyPageIsTheSameToo() throws Exception {
    ActigraphyResponse response =
        new ActigraphyResponse(
            LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-01"), 366, List.of(), null);

    assertThat(ActigraphyListJson.write(response))
        .isEqualTo(mapper.writeValueAsString(response).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesDaysWithMinutes() {
    UserDay day =
        UserDay.newBuilder()
            .setUserId(1)
            .setLocalDate(LocalDate.parse("2024-01-01"))
            .setStepsTotal(1)
            .setSampleCount(1)
            .setDevices(List.of())
            .setUpdatedAt(Instant.EPOCH)
            .build();
    ActigraphyResponse response =
        new ActigraphyResponse(
            day.getLocalDate(),
            day.getLocalDate(),
            1,
            List.of(ActigraphyDay.withMinutes(day)),
            null);

    assertThatThrownBy(() -> ActigraphyListJson.write(response))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Whole numbers around where Double.toString switches to the exponent form, and zeros. */
  private static final double[] WHOLE_EDGES = {
    9_999_999.0, 1e7, 1e7 + 1, -9_999_999.0, -1e7, -1.0, -0.0, 0.0, 1.0, 10.0, 1e15, 1e19, -1e19
  };

  @Test
  void writesWholeNumbersAsDoubleToStringDoes() throws Exception {
    List<ActigraphyDay> days = new ArrayList<>();
    LocalDate first = LocalDate.parse("2024-01-01");
    for (int i = 0; i < WHOLE_EDGES.length; i++) {
      double value = WHOLE_EDGES[i];
      days.add(
          new ActigraphyDay(
              first.plusDays(i),
              0,
              value,
              -value,
              value,
              new HeartRate(value, -value, value, value),
              0,
              0,
              List.of(new Source("s", "d", value, -value, value, 1)),
              1,
              List.of(),
              Instant.EPOCH,
              null));
    }
    ActigraphyResponse response = new ActigraphyResponse(first, first, 366, days, null);

    assertThat(new String(ActigraphyListJson.write(response), StandardCharsets.UTF_8))
        .isEqualTo(mapper.writeValueAsString(response))
        .contains("\"steps\":9999999.0,", "\"steps\":1.0E7,", "\"steps\":-0.0,");
  }

  /** Values of every magnitude, fractions, nulls, escapes and non-ASCII names. */
  static ActigraphyDay randomDay(Random random, LocalDate date) {
    String[] names = {"band", "iPhone", "Ünïcødé ⌚", "quote \" and \\ back", "📱 phone", "tab\tx"};
    List<Source> sources = new ArrayList<>();
    for (int s = random.nextInt(4); s > 0; s--) {
      sources.add(
          new Source(
              random.nextBoolean() ? "activity-timeseries-0.1" : "samples-v1.1",
              names[random.nextInt(names.length)],
              value(random),
              value(random),
              value(random),
              random.nextInt(5000)));
    }
    List<String> devices = new ArrayList<>();
    for (int s = random.nextInt(3); s > 0; s--) {
      devices.add(names[random.nextInt(names.length)]);
    }
    HeartRate heartRate =
        random.nextInt(4) == 0
            ? null
            : new HeartRate(
                value(random),
                value(random),
                value(random),
                random.nextBoolean() ? null : value(random));
    return new ActigraphyDay(
        date,
        random.nextInt(24),
        value(random),
        value(random),
        value(random),
        heartRate,
        random.nextInt(1441),
        random.nextInt(1441),
        sources,
        random.nextInt(100_000),
        devices,
        Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000)),
        null);
  }

  private static double value(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> random.nextInt(20_000);
      case 4 -> WHOLE_EDGES[random.nextInt(WHOLE_EDGES.length)];
      case 1 -> random.nextDouble() * 1e4;
      case 2 -> 5e6 + random.nextDouble() * 1e7; // joules: the exponent form from 1e7 on
      case 3 -> random.nextDouble() * 1e-3;
      default -> 0.0;
    };
  }
}
