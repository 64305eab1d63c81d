package io.wearflow.infra.simulate.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.infra.simulate.match.MatchPlan.Player;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchPlanTest {

  private static final long HALF = 45 * 60_000L;

  @Test
  void eachTeamHasElevenOnThePitchAtEveryMoment() {
    MatchPlan plan = MatchPlan.of(11, 3, HALF, 42);

    assertThat(plan.players()).hasSize(28);
    for (int team = 0; team < 2; team++) {
      for (long t = 0; t <= HALF; t += 1000) {
        long at = t;
        int finalTeam = team;
        long onPitch =
            plan.players().stream()
                .filter(p -> p.team() == finalTeam)
                .filter(p -> p.onMillis() <= at && (at < p.offMillis() || p.offMillis() == HALF))
                .count();
        assertThat(onPitch).as("team %d at %d ms", team, t).isEqualTo(11);
      }
    }
  }

  @Test
  void substitutionsHappenBetweenTwentyAndEightyPercentAndSubstitutesWarmUpFirst() {
    MatchPlan plan = MatchPlan.of(11, 3, HALF, 7);

    List<Player> substitutes = plan.players().stream().filter(p -> p.onMillis() > 0).toList();
    assertThat(substitutes).hasSize(6);
    for (Player sub : substitutes) {
      assertThat(sub.onMillis()).isBetween(HALF / 5, HALF * 4 / 5);
      assertThat(sub.sendFromMillis()).isEqualTo(sub.onMillis() - MatchPlan.WARM_UP_MILLIS);
      assertThat(sub.offMillis()).isEqualTo(HALF);
    }
    assertThat(plan.players().stream().filter(p -> p.offMillis() < HALF)).hasSize(6);
  }

  @Test
  void playersSprintAndStayOnThePitch() {
    PlayerTrack track = new PlayerTrack(3, 10, 25);
    double maxSpeed = 0;
    double maxStep = 0;
    PlayerTrack.Point previous = null;
    for (int i = 0; i < 10 * 600; i++) {
      PlayerTrack.Point p = track.next(i * 100L);
      assertThat(p.x()).isBetween(0.0, PlayerTrack.PITCH_LENGTH);
      assertThat(p.y()).isBetween(0.0, PlayerTrack.PITCH_WIDTH);
      maxSpeed = Math.max(maxSpeed, p.speed());
      if (previous != null) {
        maxStep = Math.max(maxStep, Math.abs(p.speed() - previous.speed()) * 10);
      }
      previous = p;
    }
    assertThat(maxSpeed).as("ten minutes include sprints").isGreaterThan(5.5);
    assertThat(maxStep).as("accelerations are human (m/s2)").isLessThanOrEqualTo(4.5 + 1e-6);
  }
}
