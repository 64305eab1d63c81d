package io.wearflow.connectors.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The samples export's partition dates, against java.time's own computation. */
class ExportDatesTest {

  @Test
  void localDateIsThatOfTheStartShiftedByTheDayStartInTheSamplesOffset() {
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      // From before 1970 to after 2100, offsets of -18 h to +18 h, day starts 0-23 h.
      Instant start = Instant.ofEpochSecond(random.nextLong(-3_000_000_000L, 5_000_000_000L));
      int offset = random.nextInt(-18 * 3600, 18 * 3600 + 1);
      int dayStartHour = random.nextInt(24);
      Sample sample = sample(start, offset, dayStartHour);

      assertThat(ParquetSinks.localDate(sample))
          .as("%s at offset %d, day start %d h", start, offset, dayStartHour)
          .isEqualTo(
              LocalDate.ofInstant(
                  start.minusSeconds(dayStartHour * 3600L), ZoneOffset.ofTotalSeconds(offset)));
    }
  }

  @Test
  void aDayStartingAt4ShiftsTheSmallHoursToThePreviousDay() {
    Instant start = Instant.parse("2024-03-31T01:30:00Z"); // 03:30 at +02:00
    assertThat(ParquetSinks.localDate(sample(start, 7200, 4)))
        .isEqualTo(LocalDate.parse("2024-03-30"));
    assertThat(ParquetSinks.localDate(sample(start, 7200, 0)))
        .isEqualTo(LocalDate.parse("2024-03-31"));
  }

  @Test
  void bucketIdsFollowTheDateRecordAfterRecord() {
    DatePartitionAssigner<LocalDate> assigner = new DatePartitionAssigner<>(date -> date);
    LocalDate first = LocalDate.parse("2024-03-30");
    LocalDate second = LocalDate.parse("2024-03-31");

    assertThat(assigner.getBucketId(first, null)).isEqualTo("date=2024-03-30");
    assertThat(assigner.getBucketId(first, null)).isEqualTo("date=2024-03-30");
    assertThat(assigner.getBucketId(second, null)).isEqualTo("date=2024-03-31");
    assertThat(assigner.getBucketId(first, null)).isEqualTo("date=2024-03-30");
    assertThat(assigner.getBucketId(LocalDate.parse("+12024-01-01"), null))
        .isEqualTo("date=+12024-01-01");
  }

  private static Sample sample(Instant start, int offset, int dayStartHour) {
    return Sample.newBuilder()
        .setUserId(1)
        .setSource("s")
        .setDeviceName("d")
        .setDataType("steps")
        .setStartTime(start)
        .setEndTime(start.plusSeconds(60))
        .setZoneOffsetSeconds(offset)
        .setUnit("count")
        .setValue(1)
        .setReceivedAt(start)
        .setDayStartHour(dayStartHour)
        .build();
  }
}
