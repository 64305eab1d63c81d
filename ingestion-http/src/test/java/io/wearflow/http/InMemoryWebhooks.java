package io.wearflow.http;

import io.wearflow.connectors.postgres.Webhook;
import io.wearflow.connectors.postgres.WebhookDelivery;
import io.wearflow.connectors.postgres.WebhookSettings;
import io.wearflow.http.webhooks.Webhooks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Activities (owner only) and their webhooks in memory, for the edge's functional tests; the
 * PostgreSQL {@code WebhookStore} behind the same port is tested in connectors.
 */
final class InMemoryWebhooks implements Webhooks {

  private static final Instant CREATED = Instant.parse("2023-11-02T09:00:00Z");

  private final Map<Long, Long> owners = new HashMap<>();
  private final List<Webhook> rows = new ArrayList<>();
  private final List<WebhookDelivery> deliveries = new ArrayList<>();
  private long ids;

  synchronized void activity(long activityId, long ownerId) {
    owners.put(activityId, ownerId);
  }

  synchronized void delivery(WebhookDelivery delivery) {
    deliveries.add(delivery);
  }

  synchronized List<Webhook> all() {
    return List.copyOf(rows);
  }

  @Override
  public synchronized Optional<Long> activityOwner(long activityId) {
    return Optional.ofNullable(owners.get(activityId));
  }

  @Override
  public synchronized Webhook create(long activityId, WebhookSettings s) {
    Webhook created = webhook(++ids, activityId, s);
    rows.add(created);
    return created;
  }

  @Override
  public synchronized Optional<Webhook> find(long activityId, long webhookId) {
    return rows.stream()
        .filter(w -> w.id() == webhookId && w.activityId() == activityId)
        .findFirst();
  }

  @Override
  public synchronized List<Webhook> list(long activityId, long offset, int limit) {
    return rows.stream()
        .filter(w -> w.activityId() == activityId)
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long count(long activityId) {
    return rows.stream().filter(w -> w.activityId() == activityId).count();
  }

  @Override
  public synchronized Optional<Webhook> update(long activityId, long webhookId, WebhookSettings s) {
    Optional<Webhook> old = find(activityId, webhookId);
    old.ifPresent(
        w -> {
          rows.set(rows.indexOf(w), webhook(w.id(), activityId, s));
        });
    return find(activityId, webhookId);
  }

  @Override
  public synchronized boolean delete(long activityId, long webhookId) {
    return rows.removeIf(w -> w.id() == webhookId && w.activityId() == activityId);
  }

  @Override
  public synchronized List<WebhookDelivery> deliveries(long webhookId, long offset, int limit) {
    return deliveries.stream()
        .filter(d -> d.webhookId() == webhookId)
        .sorted((a, b) -> Long.compare(b.id(), a.id()))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long countDeliveries(long webhookId) {
    return deliveries.stream().filter(d -> d.webhookId() == webhookId).count();
  }

  private static Webhook webhook(long id, long activityId, WebhookSettings s) {
    return new Webhook(
        id,
        activityId,
        s.webhookUrl(),
        s.secretToken(),
        s.activityEvents(),
        s.timeframesEvents(),
        CREATED,
        CREATED);
  }
}
