package io.wearflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.infra.bench.YearOfActivities.Activity;
import io.wearflow.infra.bench.YearOfActivities.Best;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearOfActivitiesTest {

  @Test
  void twoWeeksOfTheSeasonHaveExactPowerCurvesInRange() {
    LocalDate last = LocalDate.parse("2025-06-15");

    List<Activity> activities = YearOfActivities.of(7, 1, last, 14);

    assertThat(activities).hasSizeBetween(8, 12);
    assertThat(activities).extracting(Activity::sport).contains("cycling", "running");
    for (Activity a : activities) {
      assertThat(a.localDate()).isBetween(last.minusDays(13), last);
      int seconds = (int) (a.end().getEpochSecond() - a.start().getEpochSecond()) + 1;
      assertThat(a.best()).hasSize(seconds);
      assertThat(a.bestStart()).hasSize(seconds);
      for (int d = 2; d <= seconds; d++) {
        // no mean exceeds the best single second
        assertThat(a.best()[d - 1]).isLessThanOrEqualTo(a.best()[0]);
      }
      assertThat(a.bestStart()[seconds - 1]).isEqualTo(a.start().getEpochSecond());
      assertThat(a.best()[seconds - 1]).isPositive();
    }
    assertThat(activities)
        .isSortedAccordingTo((x, y) -> x.start().compareTo(y.start()))
        .extracting(Activity::activityId)
        .doesNotHaveDuplicates();
  }

  @Test
  void bestsTakeTheMaximumPerDurationAndTheEarlierActivityOnTies() {
    Activity early = activity("a", 0, new double[] {500, 300, Double.NaN});
    Activity late = activity("b", 3600, new double[] {500, 310, 250, 200});

    List<Best> bests = YearOfActivities.bests(List.of(early, late), 1, 2, 3, 4, 5);

    assertThat(bests)
        .containsExactly(
            new Best(1, 500, "a", 1),
            new Best(2, 310, "b", 3602),
            new Best(3, 250, "b", 3603),
            new Best(4, 200, "b", 3604));
  }

  /** A curve whose window of d seconds starts d seconds after {@code startSecond}. */
  private static Activity activity(String id, long startSecond, double[] best) {
    long[] at = new long[best.length];
    for (int d = 1; d <= best.length; d++) {
      at[d - 1] = startSecond + d;
    }
    Instant start = Instant.ofEpochSecond(startSecond);
    return new Activity(
        id, id, "cycling", start, start.plusSeconds(best.length - 1), 0, LocalDate.EPOCH, best, at);
  }
}
