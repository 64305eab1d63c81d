package io.wearflow.http.activities.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Laps and devices of uploaded files: FIT lap and device messages, the CSV {@code lap} column. */
class ActivityFileLapsAndDevicesTest {

  private static final Instant START = Instant.parse("2024-05-01T05:30:00Z");
  private static final ZoneOffset LOCAL = ZoneOffset.ofHours(2);

  @Test
  void fitLapsAreStartTimePlusTotalElapsedTime() {
    List<ActivityRecord> ride = ActivityFileFixtures.ride(START, 300);
    List<Lap> laps =
        List.of(
            new Lap(START, START.plusSeconds(120)),
            new Lap(START.plusSeconds(120), START.plusMillis(300_500)));

    ParsedActivity parsed =
        ActivityFileParser.parse(
            0,
            "ride.fit",
            ActivityFileFixtures.fit(ride, laps, com.garmin.fit.Sport.CYCLING, LOCAL),
            null);

    assertThat(parsed.laps()).isEqualTo(laps);
    assertThat(parsed.records()).isEqualTo(ride);
  }

  @Test
  void fitDevicesAreNamedOnceEachFromFileIdAndDeviceInfo() {
    ParsedActivity parsed =
        ActivityFileParser.parse(
            0,
            "ride.fit",
            ActivityFileFixtures.fit(
                ActivityFileFixtures.ride(START, 5), List.of(), com.garmin.fit.Sport.CYCLING, null),
            null);

    assertThat(parsed.devices()).isEqualTo(ActivityFileFixtures.FIT_DEVICES);
    assertThat(parsed.laps()).isEmpty();
    assertThat(parsed.localOffset()).isNull();
  }

  @Test
  void csvLapsChangeWhereTheLapLabelChangesAndBlankCellsContinueALap() {
    List<ActivityRecord> ride = ActivityFileFixtures.ride(START, 10);
    List<String> labels = new ArrayList<>(List.of("1", "", "1", "2", "2", "", "warm down"));
    labels.addAll(List.of("warm down", "1", "1"));

    ParsedActivity parsed =
        ActivityFileParser.parse(
            0,
            "ride.csv",
            ActivityFileFixtures.csv(ride, LOCAL, "cycling", labels)
                .getBytes(StandardCharsets.UTF_8),
            null);

    assertThat(parsed.laps())
        .containsExactly(
            new Lap(START, START.plusSeconds(3)),
            new Lap(START.plusSeconds(3), START.plusSeconds(6)),
            new Lap(START.plusSeconds(6), START.plusSeconds(8)),
            new Lap(START.plusSeconds(8), START.plusSeconds(10)));
    assertThat(parsed.devices()).isEmpty();
    assertThat(parsed.records()).isEqualTo(ride);
  }

  @Test
  void aCsvWithoutLapLabelsMarksNoLaps() {
    List<ActivityRecord> ride = ActivityFileFixtures.ride(START, 3);
    byte[] withoutColumn =
        ActivityFileFixtures.csv(ride, LOCAL, "cycling", null).getBytes(StandardCharsets.UTF_8);
    byte[] blankColumn =
        ActivityFileFixtures.csv(ride, LOCAL, "cycling", Collections.nCopies(3, " "))
            .getBytes(StandardCharsets.UTF_8);

    assertThat(ActivityFileParser.parse(0, "a.csv", withoutColumn, null).laps()).isEmpty();
    assertThat(ActivityFileParser.parse(0, "b.csv", blankColumn, null).laps()).isEmpty();
  }
}
