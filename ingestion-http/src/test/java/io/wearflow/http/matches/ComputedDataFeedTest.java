package io.wearflow.http.matches;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.ComputedData;
import io.wearflow.http.matches.ComputedDataFeed.Event;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComputedDataFeedTest {

  private static final Instant T1 = Instant.parse("2024-03-01T12:00:01.250Z");
  private static final Instant T2 = Instant.parse("2024-03-01T12:00:02.500Z");

  private final ComputedDataFeed feed = new ComputedDataFeed(7);

  @Test
  void sendsEachWrittenRowOnceAndNothingBeforeTheFirst() {
    assertThat(feed.next(Optional.empty())).isEmpty();
    assertThat(feed.next(row("{\"a\": 1}", false, T1)))
        .containsExactly(new Event("computed-data", "{\"a\": 1}", "1709294401250"));
    assertThat(feed.next(row("{\"a\": 1}", false, T1))).isEmpty();
    assertThat(feed.next(row("{\"a\": 2}", false, T2)))
        .containsExactly(new Event("computed-data", "{\"a\": 2}", "1709294402500"));
    assertThat(feed.ended()).isFalse();
  }

  @Test
  void finalRowIsFollowedByTheFinalEventAndNothingElse() {
    feed.next(row("{\"a\": 1}", false, T1));

    assertThat(feed.next(row("{\"a\": 9}", true, T2)))
        .containsExactly(
            new Event("computed-data", "{\"a\": 9}", "1709294402500"),
            new Event("final", "{\"timeframe\": 7, \"reason\": \"computed\"}", "1709294402500"));
    assertThat(feed.ended()).isTrue();
    assertThat(feed.next(row("{\"a\": 10}", false, T2.plusSeconds(1)))).isEmpty();
  }

  @Test
  void deletedTimeframeEndsTheFeed() {
    assertThat(feed.next(null))
        .containsExactly(new Event("final", "{\"timeframe\": 7, \"reason\": \"deleted\"}", null));
    assertThat(feed.ended()).isTrue();
  }

  private static Optional<ComputedData> row(String json, boolean isFinal, Instant updatedAt) {
    return Optional.of(new ComputedData(7, 1, json, isFinal, updatedAt, updatedAt));
  }
}
