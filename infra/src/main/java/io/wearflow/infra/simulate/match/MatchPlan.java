package io.wearflow.infra.simulate.match;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who plays when: two teams of {@code players} starters; each team makes {@code substitutions}
 * substitutions at distinct whole seconds between 20 % and 80 % of the period, each replacing a
 * different starter. A player's time on the pitch is his timeframe. A substitute's device starts
 * sending 30 s before he comes on (warming up at the line), so the timeframe's start, not the first
 * frame, decides what counts. Times are offsets from kick-off in ms.
 */
record MatchPlan(List<Player> players, long durationMillis) {

  /** Seconds a substitute warms up before coming on, with his device already sending. */
  static final long WARM_UP_MILLIS = 30_000;

  /**
   * One player of the match.
   *
   * @param team 0 (home) or 1 (away)
   * @param number shirt number, 1.. within the team
   * @param onMillis when he comes on (0 for starters)
   * @param offMillis when he goes off (the period's end if never substituted)
   * @param sendFromMillis when his device starts sending
   */
  record Player(int team, int number, long onMillis, long offMillis, long sendFromMillis) {

    String label() {
      return (team == 0 ? "home" : "away") + "-" + number;
    }
  }

  static MatchPlan of(int players, int substitutions, long durationMillis, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Player> all = new ArrayList<>();
    long durationSeconds = durationMillis / 1000;
    for (int team = 0; team < 2; team++) {
      long[] offAt = new long[players];
      java.util.Arrays.fill(offAt, durationMillis);
      List<Integer> starters = new ArrayList<>();
      for (int i = 0; i < players; i++) {
        starters.add(i);
      }
      java.util.Set<Long> used = new java.util.HashSet<>();
      List<Long> subTimes = new ArrayList<>();
      for (int s = 0; s < substitutions; s++) {
        int replaced = starters.remove(random.nextInt(starters.size()));
        long second;
        do {
          second = durationSeconds / 5 + random.nextLong(Math.max(1, durationSeconds * 3 / 5 + 1));
        } while (!used.add(second) && used.size() < durationSeconds);
        offAt[replaced] = second * 1000;
        subTimes.add(second * 1000);
      }
      for (int i = 0; i < players; i++) {
        all.add(new Player(team, i + 1, 0, offAt[i], 0));
      }
      for (int s = 0; s < substitutions; s++) {
        long on = subTimes.get(s);
        all.add(
            new Player(
                team, players + s + 1, on, durationMillis, Math.max(0, on - WARM_UP_MILLIS)));
      }
    }
    return new MatchPlan(List.copyOf(all), durationMillis);
  }
}
