package io.wearflow.jobs.userday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinuteSplitterTest {

  /** One minute's part as the splitter reports it. */
  record Part(String date, int slot, long share, long overlapMillis) {}

  @Test
  void intervalWithinAMinuteFallsInThatMinuteOfItsLocalDay() {
    // 08:00 local is minute 8 * 60 = 480 of the day
    assertThat(split("2023-11-01T08:00:10+04:00", "2023-11-01T08:00:40+04:00", 0, 14))
        .containsExactly(new Part("2023-11-01", 480, 14, 30_000));
  }

  @Test
  void amountIsSplitInProportionToTheOverlapWithEachMinute() {
    // 100 over 08:00:30-08:02:30: 30 s, 60 s and 30 s of 120 s
    assertThat(split("2023-11-01T08:00:30+04:00", "2023-11-01T08:02:30+04:00", 0, 100))
        .containsExactly(
            new Part("2023-11-01", 480, 25, 30_000),
            new Part("2023-11-01", 481, 50, 60_000),
            new Part("2023-11-01", 482, 25, 30_000));
  }

  @Test
  void cumulativeRoundingKeepsTheWholeAmount() {
    // 10 over three whole minutes: round(10/3) = 3, round(20/3) = 7, 10 -> 3, 4, 3
    assertThat(split("2023-11-01T08:00:00Z", "2023-11-01T08:03:00Z", 0, 10))
        .extracting(Part::share)
        .containsExactly(3L, 4L, 3L);
  }

  @Test
  void intervalAcrossLocalMidnightIsSplitBetweenTheDays() {
    assertThat(split("2023-11-01T23:59:30+04:00", "2023-11-02T00:00:30+04:00", 0, 120))
        .containsExactly(
            new Part("2023-11-01", 1439, 60, 30_000), new Part("2023-11-02", 0, 60, 30_000));
  }

  @Test
  void intervalEndingAtLocalMidnightDoesNotTouchTheNextDay() {
    assertThat(split("2023-11-01T23:59:00+04:00", "2023-11-02T00:00:00+04:00", 0, 5))
        .containsExactly(new Part("2023-11-01", 1439, 5, 60_000));
    long start = OffsetDateTime.parse("2023-11-01T23:00:00+04:00").toInstant().toEpochMilli();
    long end = OffsetDateTime.parse("2023-11-02T00:00:00+04:00").toInstant().toEpochMilli();
    assertThat(LocalDate.ofEpochDay(MinuteSplitter.lastDay(start, end, 14_400, 0)))
        .isEqualTo(LocalDate.parse("2023-11-01"));
  }

  @Test
  void instantAtLocalMidnightBelongsWhollyToTheNewDay() {
    assertThat(split("2023-11-02T00:00:00+04:00", "2023-11-02T00:00:00+04:00", 0, 70))
        .containsExactly(new Part("2023-11-02", 0, 70, 0));
  }

  @Test
  void dayStartHourShiftsTheDayAndItsSlots() {
    // With the day starting at 04:00, 03:59 belongs to the day before (its last slot).
    assertThat(split("2023-11-02T03:59:00+04:00", "2023-11-02T03:59:00+04:00", 4, 1))
        .containsExactly(new Part("2023-11-01", 1439, 1, 0));
    assertThat(split("2023-11-02T04:00:00+04:00", "2023-11-02T04:00:00+04:00", 4, 1))
        .containsExactly(new Part("2023-11-02", 0, 1, 0));
  }

  @Test
  void wallClockSlotsSkipTheLostHourAndShareTheRepeatedOne() {
    // Berlin, 2023-03-26: 01:59+01:00 then 03:00+02:00; slots 120-179 get nothing.
    assertThat(split("2023-03-26T01:59:00+01:00", "2023-03-26T02:00:00+01:00", 0, 1))
        .containsExactly(new Part("2023-03-26", 119, 1, 60_000));
    assertThat(split("2023-03-26T03:00:00+02:00", "2023-03-26T03:01:00+02:00", 0, 1))
        .containsExactly(new Part("2023-03-26", 180, 1, 60_000));
    // Berlin, 2023-10-29: 02:30 happens at +02:00 and again at +01:00, both slot 150.
    assertThat(split("2023-10-29T02:30:00+02:00", "2023-10-29T02:31:00+02:00", 0, 1))
        .containsExactly(new Part("2023-10-29", 150, 1, 60_000));
    assertThat(split("2023-10-29T02:30:00+01:00", "2023-10-29T02:31:00+01:00", 0, 1))
        .containsExactly(new Part("2023-10-29", 150, 1, 60_000));
  }

  @Test
  void westernHalfHourOffsetSplitsAtLocalMidnight() {
    // 23:45-00:15 at -09:30 is 09:15-09:45 UTC: still split at local midnight.
    List<Part> parts = split("2023-11-01T23:45:00-09:30", "2023-11-02T00:15:00-09:30", 0, 30);
    assertThat(parts.stream().filter(p -> p.date().equals("2023-11-01")).mapToLong(Part::share))
        .containsOnly(1L)
        .hasSize(15);
    assertThat(parts.stream().filter(p -> p.date().equals("2023-11-02")).mapToLong(Part::share))
        .containsOnly(1L)
        .hasSize(15);
  }

  private static List<Part> split(String start, String end, int dayStartHour, long amount) {
    OffsetDateTime from = OffsetDateTime.parse(start);
    Instant to = OffsetDateTime.parse(end).toInstant();
    List<Part> parts = new ArrayList<>();
    MinuteSplitter.split(
        from.toInstant().toEpochMilli(),
        to.toEpochMilli(),
        from.getOffset().getTotalSeconds(),
        dayStartHour,
        amount,
        (day, slot, share, overlap) ->
            parts.add(new Part(LocalDate.ofEpochDay(day).toString(), slot, share, overlap)));
    return parts;
  }
}
