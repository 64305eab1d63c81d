package io.wearflow.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final ExpiringCache<String, String> cache = new ExpiringCache<>(8, now::get);

  @Test
  void entryIsReturnedOnlyBeforeItsDeadline() {
    cache.put("a", "alpha", 1_010, cache.stamp());

    now.set(1_009);
    assertThat(cache.get("a")).isEqualTo("alpha");
    now.set(1_010);
    assertThat(cache.get("a")).isNull();
    assertThat(cache.size()).isZero();
    now.set(1_000);
    assertThat(cache.get("a")).as("an expired entry is dropped, not kept for later").isNull();
  }

  @Test
  void valueWhoseDeadlineHasPassedIsNotKept() {
    cache.put("a", "alpha", 1_000, cache.stamp());

    assertThat(cache.get("a")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void invalidatedEntryIsGone() {
    cache.put("a", "alpha", 2_000, cache.stamp());
    cache.put("b", "beta", 2_000, cache.stamp());

    cache.invalidate("a");

    assertThat(cache.get("a")).isNull();
    assertThat(cache.get("b")).isEqualTo("beta");
  }

  @Test
  void invalidateIfDropsEveryMatchingKey() {
    cache.put("a1", "x", 2_000, cache.stamp());
    cache.put("a2", "y", 2_000, cache.stamp());
    cache.put("b1", "z", 2_000, cache.stamp());

    cache.invalidateIf(key -> key.startsWith("a"));

    assertThat(cache.get("a1")).isNull();
    assertThat(cache.get("a2")).isNull();
    assertThat(cache.get("b1")).isEqualTo("z");
  }

  @Test
  void valueLoadedWhileAnInvalidationRanIsNotKept() {
    long stamp = cache.stamp();
    // ... the source is read here, then the entry is changed and invalidated ...
    cache.invalidate("a");
    cache.put("a", "stale", 2_000, stamp);

    assertThat(cache.get("a")).isNull();
    cache.put("a", "fresh", 2_000, cache.stamp());
    assertThat(cache.get("a")).isEqualTo("fresh");
  }

  @Test
  void sizeStaysWithinTheBoundAndTheNewestEntryIsKept() {
    for (int i = 0; i < 100; i++) {
      cache.put("k" + i, "v" + i, 2_000, cache.stamp());
      assertThat(cache.size()).isLessThanOrEqualTo(8);
    }
    assertThat(cache.get("k99")).isEqualTo("v99");
  }

  @Test
  void expiredEntriesAreEvictedBeforeLiveOnes() {
    ExpiringCache<String, String> four = new ExpiringCache<>(4, now::get);
    four.put("old1", "x", 1_005, four.stamp());
    four.put("old2", "x", 1_005, four.stamp());
    four.put("live1", "y", 2_000, four.stamp());
    four.put("live2", "y", 2_000, four.stamp());
    now.set(1_006);

    four.put("new", "z", 2_000, four.stamp());

    assertThat(four.size()).isEqualTo(3);
    assertThat(four.get("live1")).isEqualTo("y");
    assertThat(four.get("live2")).isEqualTo("y");
    assertThat(four.get("new")).isEqualTo("z");
  }

  @Test
  void deadlinesSurviveTheTicksWrappingAround() {
    now.set(Long.MAX_VALUE - 5);
    cache.put("a", "alpha", Long.MAX_VALUE - 5 + 10, cache.stamp()); // wraps to a negative value

    now.set(Long.MAX_VALUE);
    assertThat(cache.get("a")).isEqualTo("alpha");
    now.set(Long.MAX_VALUE - 5 + 10);
    assertThat(cache.get("a")).isNull();
  }

  @Test
  void boundBelowOneIsRefused() {
    assertThatThrownBy(() -> new ExpiringCache<String, String>(0, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
