package io.wearflow.http.activities.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AwdPercentilesTest {

  @Test
  void percentilesAreNearestRanksOfTheSortedDailyAwdWithShortDaysCountingZero() {
    Random random = new Random(11);
    List<long[]> days = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      long[] day = new long[1 + random.nextInt(40)];
      long seconds = 3000 + random.nextInt(3000);
      for (int k = 0; k < day.length; k++) {
        day[k] = seconds;
        seconds -= random.nextInt(200);
        seconds = Math.max(seconds, 0);
      }
      days.add(day);
    }

    List<AwdPercentiles.Row> rows = AwdPercentiles.of(0.5, days);

    assertThat(rows).hasSize(days.stream().mapToInt(d -> d.length).max().orElseThrow());
    for (int k = 0; k < rows.size(); k++) {
      int level = k;
      List<Long> sorted =
          days.stream().map(d -> level < d.length ? d[level] : 0L).sorted().toList();
      // nearest rank of p over 23 days: ceil(23 p) -> 21st, 18th, 12th smallest
      assertThat(rows.get(k))
          .isEqualTo(
              new AwdPercentiles.Row(
                  k * 0.5, sorted.get(22), sorted.get(20), sorted.get(17), sorted.get(11)));
    }
  }

  @Test
  void oneDayIsItsOwnMaxAndEveryPercentile() {
    assertThat(AwdPercentiles.of(1, List.of(new long[] {60, 30})))
        .containsExactly(
            new AwdPercentiles.Row(0, 60, 60, 60, 60), new AwdPercentiles.Row(1, 30, 30, 30, 30));
    assertThat(AwdPercentiles.of(1, List.of())).isEmpty();
  }
}
