package io.wearflow.http.timezone;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.DaySetting;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaySettingsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void withoutSettingsTheUserIsInUtcWithDaysFromMidnight() {
    Instant t = Instant.parse("2024-03-31T01:00:00Z");

    assertThat(DaySettings.none().inForceAt(t)).isEmpty();
    assertThat(DaySettings.none().zoneAt(t)).isEqualTo(ZoneId.of("UTC"));
    assertThat(DaySettings.none().offsetAt(t)).isEqualTo(ZoneOffset.UTC);
    assertThat(DaySettings.none().dayStartHourAt(t)).isZero();
  }

  @Test
  void beforeTheFirstSettingTheDefaultApplies() {
    DaySettings settings = DaySettings.of(List.of(berlinFrom("2024-03-01T00:00:00Z", 4)));

    Instant justBefore = Instant.parse("2024-02-29T23:59:59.999Z");

    assertThat(settings.inForceAt(justBefore)).isEmpty();
    assertThat(settings.zoneAt(justBefore).getId()).isEqualTo("UTC");
    assertThat(settings.dayStartHourAt(justBefore)).isZero();
  }

  @Test
  void aSettingAppliesFromItsEffectiveInstantOn() {
    DaySetting berlin = berlinFrom("2024-03-01T00:00:00Z", 4);
    DaySettings settings = DaySettings.of(List.of(berlin));

    assertThat(settings.inForceAt(Instant.parse("2024-03-01T00:00:00Z"))).contains(berlin);
    assertThat(settings.inForceAt(Instant.parse("2030-01-01T00:00:00Z"))).contains(berlin);
    assertThat(settings.dayStartHourAt(Instant.parse("2024-03-01T00:00:00Z"))).isEqualTo(4);
  }

  @Test
  void theLatestSettingAtOrBeforeTheInstantIsInForce() {
    DaySetting berlin = berlinFrom("2024-01-01T00:00:00Z", 0);
    DaySetting newYork = new DaySetting(Instant.parse("2024-06-01T12:00:00Z"), NEW_YORK, 6);
    DaySetting berlinAgain = berlinFrom("2024-09-01T00:00:00Z", 2);
    DaySettings settings = DaySettings.of(List.of(berlinAgain, berlin, newYork));

    assertThat(settings.inForceAt(Instant.parse("2024-06-01T11:59:59Z"))).contains(berlin);
    assertThat(settings.inForceAt(Instant.parse("2024-06-01T12:00:00Z"))).contains(newYork);
    assertThat(settings.inForceAt(Instant.parse("2024-08-31T23:59:59Z"))).contains(newYork);
    assertThat(settings.inForceAt(Instant.parse("2024-09-01T00:00:00Z"))).contains(berlinAgain);
    assertThat(settings.history()).containsExactly(berlin, newYork, berlinAgain);
  }

  @Test
  void ofTwoSettingsWithTheSameInstantTheLaterInTheListWins() {
    DaySetting first = berlinFrom("2024-01-01T00:00:00Z", 0);
    DaySetting second = new DaySetting(first.effectiveFrom(), NEW_YORK, 3);

    assertThat(DaySettings.of(List.of(first, second)).history()).containsExactly(second);
  }

  @Test
  void berlinSpringsForwardAtOneUtcOnTheLastSundayOfMarch() {
    DaySettings settings = DaySettings.of(List.of(berlinFrom("2024-01-01T00:00:00Z", 0)));

    // 02:00 CET = 01:00 UTC becomes 03:00 CEST.
    assertThat(settings.offsetAt(Instant.parse("2024-03-31T00:59:59Z")))
        .isEqualTo(ZoneOffset.ofHours(1));
    assertThat(settings.offsetAt(Instant.parse("2024-03-31T01:00:00Z")))
        .isEqualTo(ZoneOffset.ofHours(2));
  }

  @Test
  void berlinFallsBackAtOneUtcOnTheLastSundayOfOctober() {
    DaySettings settings = DaySettings.of(List.of(berlinFrom("2024-01-01T00:00:00Z", 0)));

    // 03:00 CEST = 01:00 UTC becomes 02:00 CET: local 02:00-03:00 happens twice.
    assertThat(settings.offsetAt(Instant.parse("2024-10-27T00:59:59Z")))
        .isEqualTo(ZoneOffset.ofHours(2));
    assertThat(settings.offsetAt(Instant.parse("2024-10-27T01:00:00Z")))
        .isEqualTo(ZoneOffset.ofHours(1));
  }

  @Test
  void newYorkSpringsForwardAtSevenUtcOnTheSecondSundayOfMarch() {
    DaySettings settings =
        DaySettings.of(List.of(new DaySetting(Instant.parse("2024-01-01T00:00:00Z"), NEW_YORK, 0)));

    // 02:00 EST = 07:00 UTC becomes 03:00 EDT.
    assertThat(settings.offsetAt(Instant.parse("2024-03-10T06:59:59Z")))
        .isEqualTo(ZoneOffset.ofHours(-5));
    assertThat(settings.offsetAt(Instant.parse("2024-03-10T07:00:00Z")))
        .isEqualTo(ZoneOffset.ofHours(-4));
  }

  @Test
  void newYorkFallsBackAtSixUtcOnTheFirstSundayOfNovember() {
    DaySettings settings =
        DaySettings.of(List.of(new DaySetting(Instant.parse("2024-01-01T00:00:00Z"), NEW_YORK, 0)));

    // 02:00 EDT = 06:00 UTC becomes 01:00 EST.
    assertThat(settings.offsetAt(Instant.parse("2024-11-03T05:59:59Z")))
        .isEqualTo(ZoneOffset.ofHours(-4));
    assertThat(settings.offsetAt(Instant.parse("2024-11-03T06:00:00Z")))
        .isEqualTo(ZoneOffset.ofHours(-5));
  }

  @Test
  void movingFromBerlinToNewYorkChangesTheOffsetAtTheEffectiveInstant() {
    DaySettings settings =
        DaySettings.of(
            List.of(
                berlinFrom("2024-01-01T00:00:00Z", 0),
                new DaySetting(Instant.parse("2024-07-01T10:00:00Z"), NEW_YORK, 5)));

    assertThat(settings.offsetAt(Instant.parse("2024-07-01T09:59:59Z")))
        .isEqualTo(ZoneOffset.ofHours(2));
    assertThat(settings.offsetAt(Instant.parse("2024-07-01T10:00:00Z")))
        .isEqualTo(ZoneOffset.ofHours(-4));
    assertThat(settings.dayStartHourAt(Instant.parse("2024-07-01T10:00:00Z"))).isEqualTo(5);
  }

  private static DaySetting berlinFrom(String instant, int dayStartHour) {
    return new DaySetting(Instant.parse(instant), BERLIN, dayStartHour);
  }
}
