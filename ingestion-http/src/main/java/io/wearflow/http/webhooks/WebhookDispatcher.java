package io.wearflow.http.webhooks;

import io.wearflow.connectors.postgres.DueDelivery;
import io.wearflow.connectors.postgres.WebhookDeliveryQueue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs webhook deliveries (enqueued by the database triggers into {@code webhook_deliveries}) to
 * their webhooks, off the request and pipeline paths.
 *
 * <p>A poller claims due deliveries ({@link WebhookDeliveryQueue#claim}, leased, so several edges
 * may run dispatchers) no more than there are idle workers, and hands each to a small pool: a slow
 * or silent receiver holds one worker for at most the request timeout and never delays the others.
 * Each delivery is {@code POST <webhook_url>} with the payload as JSON and the headers {@code
 * X-Wearflow-Webhook-Token} (the secret), {@code X-Wearflow-Event} and {@code X-Wearflow-Delivery}
 * (the delivery id, for de-duplication: delivery is at least once). A 2xx answer marks it {@code
 * delivered}; anything else is retried as {@link RetryPolicy} says, then {@code failed}. Log lines
 * name deliveries by id and never contain the secret.
 */
public final class WebhookDispatcher implements AutoCloseable {

  public static final String TOKEN_HEADER = "X-Wearflow-Webhook-Token";
  public static final String EVENT_HEADER = "X-Wearflow-Event";
  public static final String DELIVERY_HEADER = "X-Wearflow-Delivery";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  /**
   * @param workers concurrent deliveries
   * @param pollInterval pause between polls when nothing was due
   * @param connectTimeout TCP connect timeout
   * @param requestTimeout whole-request timeout after connecting
   */
  public record Settings(
      int workers,
      Duration pollInterval,
      Duration connectTimeout,
      Duration requestTimeout,
      RetryPolicy retry) {

    public static final Settings DEFAULT =
        new Settings(
            4,
            Duration.ofMillis(500),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            RetryPolicy.DEFAULT);

    public Settings {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      Objects.requireNonNull(retry, "retry");
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1: " + workers);
      }
    }

    /** A claimed delivery's lease: longer than any attempt can take. */
    Duration lease() {
      return connectTimeout.plus(requestTimeout).multipliedBy(2).plusSeconds(30);
    }
  }

  private final WebhookDeliveryQueue queue;
  private final Settings settings;
  private final HttpClient client;
  private final Semaphore idle;
  private final ScheduledExecutorService poller;
  private final ExecutorService workers;

  public WebhookDispatcher(WebhookDeliveryQueue queue, Settings settings) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.idle = new Semaphore(settings.workers());
    this.workers = Executors.newFixedThreadPool(settings.workers(), threads("webhook-delivery"));
    this.poller = Executors.newSingleThreadScheduledExecutor(threads("webhook-poller"));
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public void start() {
    poller.scheduleWithFixedDelay(
        this::pollSafely, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollSafely() {
    try {
      // Keep claiming while deliveries are due and workers are free.
      while (poll() > 0) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("webhook poll failed; retrying in {}", settings.pollInterval(), e);
    }
  }

  /** Claims and hands out as many due deliveries as there are idle workers; how many. */
  int poll() {
    int free = idle.availablePermits();
    if (free == 0 || !idle.tryAcquire(free)) {
      return 0;
    }
    List<DueDelivery> claimed;
    try {
      claimed = queue.claim(free, settings.lease());
    } catch (RuntimeException e) {
      idle.release(free);
      throw e;
    }
    idle.release(free - claimed.size());
    for (DueDelivery delivery : claimed) {
      workers.execute(
          () -> {
            try {
              deliver(delivery);
            } finally {
              idle.release();
            }
          });
    }
    return claimed.size();
  }

  private void deliver(DueDelivery delivery) {
    Integer status = null;
    String error;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(delivery.webhookUrl()))
              .timeout(settings.requestTimeout())
              .header("Content-Type", "application/json")
              .header(TOKEN_HEADER, delivery.secretToken())
              .header(EVENT_HEADER, delivery.event())
              .header(DELIVERY_HEADER, Long.toString(delivery.id()))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      delivery.payloadJson(), StandardCharsets.UTF_8))
              .build();
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status >= 200 && status < 300) {
        queue.delivered(delivery.id(), status);
        return;
      }
      error = "HTTP " + status;
    } catch (HttpTimeoutException e) {
      error = "timed out: " + e.getMessage();
    } catch (IOException | IllegalArgumentException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // closing: the lease runs out and the delivery is tried again
    } catch (RuntimeException e) {
      LOG.warn("webhook delivery {} could not be recorded", delivery.id(), e);
      return;
    }
    int attempts = delivery.attempts() + 1;
    Duration retryIn =
        settings.retry().nextDelay(attempts, () -> ThreadLocalRandom.current().nextDouble());
    try {
      queue.attemptFailed(delivery.id(), status, error, retryIn);
    } catch (RuntimeException e) {
      LOG.warn("webhook delivery {} could not be recorded", delivery.id(), e);
      return;
    }
    LOG.info(
        "webhook delivery {} (webhook {}, {}) attempt {} failed: {}; {}",
        delivery.id(),
        delivery.webhookId(),
        delivery.event(),
        attempts,
        error,
        retryIn == null ? "given up" : "retry in " + retryIn);
  }

  @Override
  public void close() {
    poller.shutdownNow();
    workers.shutdownNow();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
