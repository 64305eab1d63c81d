package io.wearflow.infra.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training plan of a season: whole weeks (Monday to Sunday) ending with the week of the end
 * date, every fourth week a recovery week. A normal week has an interval ride (Tuesday evening), a
 * tempo run (Thursday evening), a long endurance ride (Saturday) and a long run (Sunday), plus one
 * or two easy morning runs (4 to 6 sessions); a recovery week has two easy runs and two short
 * endurance rides. Fitness grows linearly over the season (FTP and threshold pace +5 to 8 %), and
 * the Saturday ride grows from about 1.5 to 4 hours. The athlete lives in Europe/Berlin (DST
 * applies) and spends one week of a season of 8 weeks or more at a camp in America/Denver, where
 * evening sessions start on the previous day in UTC.
 */
public final class SeasonPlan {

  public static final ZoneId HOME = ZoneId.of("Europe/Berlin");
  public static final ZoneId CAMP = ZoneId.of("America/Denver");

  private SeasonPlan() {}

  /** The sessions of {@code weeks} weeks ending with the week of {@code end}, up to that date. */
  public static List<PlannedSession> plan(long seed, int weeks, LocalDate end) {
    SplittableRandom random = new SplittableRandom(seed);
    double gain = 0.05 + 0.03 * random.nextDouble();
    LocalDate firstMonday =
        end.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
    int campWeek = weeks >= 8 ? nonRestWeek((int) Math.round(weeks * 0.6)) : -1;
    List<PlannedSession> sessions = new ArrayList<>();
    for (int week = 0; week < weeks; week++) {
      double progress = weeks == 1 ? 1 : week / (double) (weeks - 1);
      Athlete athlete = Athlete.startOfSeason().fitterBy(1 + gain * progress);
      boolean rest = isRestWeek(week);
      ZoneId zone = week == campWeek ? CAMP : HOME;
      Week plan = new Week(sessions, random, week, rest, athlete, zone, firstMonday, end);
      if (rest) {
        plan.add(DayOfWeek.TUESDAY, LocalTime.of(6, 30), SessionKind.EASY_RUN, 35, 45);
        plan.add(DayOfWeek.THURSDAY, LocalTime.of(18, 0), SessionKind.ENDURANCE_RIDE, 90, 95);
        plan.add(DayOfWeek.SATURDAY, LocalTime.of(9, 0), SessionKind.ENDURANCE_RIDE, 90, 110);
        plan.add(DayOfWeek.SUNDAY, LocalTime.of(8, 30), SessionKind.EASY_RUN, 40, 50);
        continue;
      }
      plan.add(DayOfWeek.TUESDAY, LocalTime.of(18, 0), SessionKind.INTERVAL_RIDE, 75, 105);
      if (random.nextDouble() < 0.6) {
        plan.add(DayOfWeek.WEDNESDAY, LocalTime.of(6, 30), SessionKind.EASY_RUN, 35, 55);
      }
      plan.add(DayOfWeek.THURSDAY, LocalTime.of(18, 30), SessionKind.TEMPO_RUN, 50, 65);
      if (random.nextDouble() < 0.5) {
        plan.add(DayOfWeek.FRIDAY, LocalTime.of(6, 30), SessionKind.EASY_RUN, 30, 45);
      }
      int longRide = (int) Math.round(90 + 130 * progress);
      plan.add(
          DayOfWeek.SATURDAY,
          LocalTime.of(9, 0),
          SessionKind.ENDURANCE_RIDE,
          longRide,
          Math.min(240, longRide + 20));
      plan.add(DayOfWeek.SUNDAY, LocalTime.of(8, 30), SessionKind.LONG_RUN, 75, 120);
    }
    return sessions;
  }

  /** Every fourth week (the 4th, 8th, ...) is a recovery week. */
  public static boolean isRestWeek(int week) {
    return week % 4 == 3;
  }

  private static int nonRestWeek(int week) {
    return isRestWeek(week) ? week - 1 : week;
  }

  /** Adds one week's sessions with jittered start times and durations. */
  private record Week(
      List<PlannedSession> sessions,
      SplittableRandom random,
      int week,
      boolean rest,
      Athlete athlete,
      ZoneId zone,
      LocalDate firstMonday,
      LocalDate end) {

    void add(DayOfWeek day, LocalTime time, SessionKind kind, int minMinutes, int maxMinutes) {
      int minutes = minMinutes + random.nextInt(maxMinutes - minMinutes + 1);
      int delay = random.nextInt(31);
      long seed = random.nextLong();
      LocalDate date = firstMonday.plusWeeks(week).with(TemporalAdjusters.nextOrSame(day));
      if (date.isAfter(end)) {
        return;
      }
      sessions.add(
          new PlannedSession(
              week,
              rest,
              kind,
              date.atTime(time.plusMinutes(delay)).atZone(zone),
              minutes * 60,
              athlete,
              seed));
    }
  }
}
