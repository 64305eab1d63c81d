package io.wearflow.http.webhooks;

import io.wearflow.connectors.postgres.StoreException;
import io.wearflow.connectors.postgres.Webhook;
import io.wearflow.connectors.postgres.WebhookDelivery;
import io.wearflow.connectors.postgres.WebhookSettings;
import io.wearflow.connectors.postgres.WebhookStore;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;

/**
 * The webhook operations the edge needs; in production {@link #of(WebhookStore)}. A port so that
 * handler tests run without a database (the store is tested against PostgreSQL in connectors).
 */
public interface Webhooks {

  /** The owner of the activity, empty when there is no such activity. */
  Optional<Long> activityOwner(long activityId);

  Webhook create(long activityId, WebhookSettings settings);

  Optional<Webhook> find(long activityId, long webhookId);

  List<Webhook> list(long activityId, long offset, int limit);

  long count(long activityId);

  Optional<Webhook> update(long activityId, long webhookId, WebhookSettings settings);

  boolean delete(long activityId, long webhookId);

  /** The delivery log, newest first. */
  List<WebhookDelivery> deliveries(long webhookId, long offset, int limit);

  long countDeliveries(long webhookId);

  static Webhooks of(WebhookStore store) {
    return new Webhooks() {
      @Override
      public Optional<Long> activityOwner(long activityId) {
        return store.activityOwner(activityId);
      }

      @Override
      public Webhook create(long activityId, WebhookSettings settings) {
        return store.create(activityId, settings);
      }

      @Override
      public Optional<Webhook> find(long activityId, long webhookId) {
        return store.find(activityId, webhookId);
      }

      @Override
      public List<Webhook> list(long activityId, long offset, int limit) {
        return store.list(activityId, offset, limit);
      }

      @Override
      public long count(long activityId) {
        return store.count(activityId);
      }

      @Override
      public Optional<Webhook> update(long activityId, long webhookId, WebhookSettings settings) {
        return store.update(activityId, webhookId, settings);
      }

      @Override
      public boolean delete(long activityId, long webhookId) {
        return store.delete(activityId, webhookId);
      }

      @Override
      public List<WebhookDelivery> deliveries(long webhookId, long offset, int limit) {
        return store.deliveries(webhookId, offset, limit);
      }

      @Override
      public long countDeliveries(long webhookId) {
        return store.countDeliveries(webhookId);
      }
    };
  }

  /** No database: every call fails as an unavailable database (503). */
  static Webhooks unavailable() {
    return (Webhooks)
        Proxy.newProxyInstance(
            Webhooks.class.getClassLoader(),
            new Class<?>[] {Webhooks.class},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "toString" -> "unavailable webhooks";
                  case "hashCode" -> System.identityHashCode(self);
                  default -> self == args[0];
                };
              }
              throw new StoreException(
                  "webhooks are not wired to a database", new IllegalStateException());
            });
  }
}
