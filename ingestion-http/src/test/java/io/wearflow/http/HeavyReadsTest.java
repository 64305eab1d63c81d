package io.wearflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.wearflow.http.json.JsonSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Heavy reads over real HTTP: at most the permits compute at once, the rest wait or get 503. */
class HeavyReadsTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private Javalin app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void atMostThePermitsComputeAtOnceAndTheOthersWaitTheirTurn() throws Exception {
    HeavyReads heavy = new HeavyReads(2, Duration.ofSeconds(10));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    start(
        heavy,
        () -> {
          int now = running.incrementAndGet();
          mostAtOnce.accumulateAndGet(now, Math::max);
          Thread.sleep(50);
          running.decrementAndGet();
        });

    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(client.sendAsync(get(), HttpResponse.BodyHandlers.ofString()));
    }

    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(mostAtOnce.get()).isEqualTo(2);
    assertThat(heavy.available()).isEqualTo(2);
  }

  @Test
  void aReadThatWaitsTooLongIsAnswered503WithRetryAfter() throws Exception {
    HeavyReads heavy = new HeavyReads(1, Duration.ofMillis(200));
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    start(
        heavy,
        () -> {
          entered.countDown();
          release.await(10, TimeUnit.SECONDS);
        });
    CompletableFuture<HttpResponse<String>> first =
        client.sendAsync(get(), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> second = client.send(get(), HttpResponse.BodyHandlers.ofString());

    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(second.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(heavy.available()).isEqualTo(1);
    assertThat(client.send(get(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aFailingReadGivesItsPermitBack() throws Exception {
    HeavyReads heavy = new HeavyReads(1, Duration.ofMillis(200));
    start(
        heavy,
        () -> {
          throw new IllegalStateException("boom");
        });

    assertThat(client.send(get(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(500);
    assertThat(heavy.available()).isEqualTo(1);
  }

  private interface Work {
    void run() throws Exception;
  }

  private void start(HeavyReads heavy, Work work) {
    app =
        Javalin.create(
                config ->
                    config.router.mount(
                        router -> {
                          router.get(
                              "/heavy",
                              heavy.limit(
                                  ctx -> {
                                    work.run();
                                    ctx.result("done");
                                  }));
                          ProblemResponses.register(router, JsonSupport.newObjectMapper());
                        }))
            .start("127.0.0.1", 0);
  }

  private HttpRequest get() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/heavy"))
        .timeout(Duration.ofSeconds(15))
        .build();
  }
}
