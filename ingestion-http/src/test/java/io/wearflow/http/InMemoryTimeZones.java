package io.wearflow.http;

import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.http.timezone.TimeZones;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time-zone settings in memory (same effective instant replaces), counting reads so that tests can
 * check that a request reads them once. {@code TimeZoneStore} is tested against PostgreSQL in the
 * connectors module.
 */
final class InMemoryTimeZones implements TimeZones {

  private final Map<Long, TreeMap<Instant, DaySetting>> byUser = new ConcurrentHashMap<>();
  final AtomicInteger reads = new AtomicInteger();

  @Override
  public synchronized void put(long userId, DaySetting setting) {
    byUser.computeIfAbsent(userId, id -> new TreeMap<>()).put(setting.effectiveFrom(), setting);
  }

  @Override
  public synchronized List<DaySetting> history(long userId) {
    reads.incrementAndGet();
    return List.copyOf(byUser.getOrDefault(userId, new TreeMap<>()).values());
  }
}
