package io.wearflow.infra.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.FitDecoder;
import com.garmin.fit.FitMessages;
import com.garmin.fit.LapMesg;
import io.wearflow.http.activities.files.ActivityFileFormat;
import io.wearflow.http.activities.files.ActivityFileParser;
import io.wearflow.http.activities.files.ActivityRecord;
import io.wearflow.http.activities.files.ParsedActivity;
import io.wearflow.http.activities.files.Sport;
import io.wearflow.infra.generate.GeneratedActivity.Range;
import io.wearflow.infra.generate.GeneratedActivity.Sample;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityFilesTest {

  private static final List<PlannedSession> SEASON =
      SeasonPlan.plan(5, 12, LocalDate.of(2025, 4, 27));

  private static GeneratedActivity first(SessionKind kind) {
    return SessionSimulator.simulate(
        SEASON.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow());
  }

  @Test
  void aFitRideParsesToTheGeneratedRecordsWithinFitResolution() {
    GeneratedActivity ride = first(SessionKind.INTERVAL_RIDE);

    ParsedActivity parsed =
        ActivityFileParser.parse(0, "ride.fit", FitActivityWriter.write(ride), null);

    assertThat(parsed.format()).isEqualTo(ActivityFileFormat.FIT);
    assertThat(parsed.sport()).isEqualTo(Sport.CYCLING);
    assertThat(parsed.localOffset()).isEqualTo(ride.localOffset());
    assertMatches(parsed.records(), ride.samples());
  }

  @Test
  void aFitRunHasRunningSportAndNoPower() {
    GeneratedActivity run = first(SessionKind.LONG_RUN);

    ParsedActivity parsed =
        ActivityFileParser.parse(0, "run.fit", FitActivityWriter.write(run), null);

    assertThat(parsed.sport()).isEqualTo(Sport.RUNNING);
    assertThat(parsed.records()).allMatch(r -> r.power() == null);
    assertMatches(parsed.records(), run.samples());
  }

  @Test
  void fitLapMessagesMarkTheLapsOfTheActivity() {
    GeneratedActivity ride = first(SessionKind.INTERVAL_RIDE);

    FitMessages messages =
        new FitDecoder().decode(new ByteArrayInputStream(FitActivityWriter.write(ride)));

    List<Range> laps = ride.laps();
    assertThat(messages.getLapMesgs()).hasSize(laps.size());
    for (int i = 0; i < laps.size(); i++) {
      LapMesg lap = messages.getLapMesgs().get(i);
      assertThat(lap.getStartTime().getInstant())
          .isEqualTo(ride.samples().get(laps.get(i).from()).timestamp());
      assertThat(lap.getTotalElapsedTime()).isEqualTo(laps.get(i).to() - laps.get(i).from());
    }
    assertThat(messages.getSessionMesgs().get(0).getNumLaps()).isEqualTo(laps.size());
    assertThat(messages.getDeviceInfoMesgs()).hasSize(1);
    assertThat(messages.getEventMesgs()).hasSize(2);
  }

  @Test
  void aCsvParsesToExactlyTheGeneratedRecords() {
    for (SessionKind kind : List.of(SessionKind.ENDURANCE_RIDE, SessionKind.TEMPO_RUN)) {
      GeneratedActivity activity = first(kind);
      byte[] csv = CsvActivityWriter.write(activity);

      ParsedActivity parsed = ActivityFileParser.parse(0, "a.csv", csv, kind.sport());

      assertThat(parsed.records())
          .isEqualTo(activity.samples().stream().map(ActivityFilesTest::record).toList());
      assertThat(parsed.localOffset()).isEqualTo(activity.localOffset());
      assertThat(new String(csv, StandardCharsets.UTF_8))
          .startsWith(CsvActivityWriter.HEADER + "\n");
    }
  }

  @Test
  void csvTimestampsCarryTheLocalOffsetOfTheirDay() {
    GeneratedActivity winter = SessionSimulator.simulate(SEASON.get(0));
    GeneratedActivity spring = SessionSimulator.simulate(SEASON.get(SEASON.size() - 1));

    assertThat(new String(CsvActivityWriter.write(winter), StandardCharsets.UTF_8).split("\n")[1])
        .contains("+01:00,");
    assertThat(new String(CsvActivityWriter.write(spring), StandardCharsets.UTF_8).split("\n")[1])
        .contains("+02:00,");
    assertThat(winter.localOffset()).isEqualTo(ZoneOffset.ofHours(1));
  }

  @Test
  void theSameSeedWritesTheSameBytes() {
    PlannedSession session = SEASON.get(1);
    PlannedSession again = SeasonPlan.plan(5, 12, LocalDate.of(2025, 4, 27)).get(1);
    PlannedSession otherSeed = SeasonPlan.plan(6, 12, LocalDate.of(2025, 4, 27)).get(1);

    GeneratedActivity a = SessionSimulator.simulate(session);
    GeneratedActivity b = SessionSimulator.simulate(again);
    assertThat(FitActivityWriter.write(a)).isEqualTo(FitActivityWriter.write(b));
    assertThat(CsvActivityWriter.write(a)).isEqualTo(CsvActivityWriter.write(b));
    assertThat(FitActivityWriter.write(SessionSimulator.simulate(otherSeed)))
        .isNotEqualTo(FitActivityWriter.write(a));
  }

  private static void assertMatches(List<ActivityRecord> records, List<Sample> samples) {
    assertThat(records).hasSize(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      ActivityRecord r = records.get(i);
      Sample s = samples.get(i);
      assertThat(r.timestamp()).isEqualTo(s.timestamp());
      assertThat(r.power()).isEqualTo(s.power() == null ? null : s.power().doubleValue());
      assertThat(r.heartRate()).isEqualTo((double) s.heartRate());
      assertThat(r.cadence()).isEqualTo((double) s.cadence());
      assertThat(r.temperature()).isEqualTo((double) s.temperature());
      assertThat(r.speed()).isCloseTo(s.speed(), within(0.0005));
      assertThat(r.altitude()).isCloseTo(s.altitude(), within(0.001));
      // FIT stores distance in centimetres; the SDK hands it out as a float.
      assertThat(r.distance()).isCloseTo(s.distance(), within(0.02));
    }
  }

  private static ActivityRecord record(Sample s) {
    return new ActivityRecord(
        s.timestamp(),
        s.power() == null ? null : s.power().doubleValue(),
        (double) s.heartRate(),
        s.speed(),
        (double) s.cadence(),
        s.altitude(),
        s.distance(),
        (double) s.temperature(),
        null,
        null);
  }
}
