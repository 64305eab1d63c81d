package io.wearflow.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.client.WearflowClient;
import io.wearflow.infra.simulate.match.MatchSetup;
import io.wearflow.infra.simulate.match.PlayerTrack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Live latency (issue 6 point 4) and the read of a timeframe's computed data (point 6): matches of
 * 25 Hz players set up through the API as {@code ./wearflow simulate match} does ({@link
 * MatchSetup}), every device posting its new frames live every 100-200 ms. For the batches of a few
 * watched devices it measures the time from the edge's answer (the accept) to (a) a {@code GET
 * /v1/timeframes/{id}/computed-data/} whose {@code last_timestamp} reaches the batch's last frame
 * (polled every {@value #POLL_MILLIS} ms) and (b) the Server-Sent Event of {@code
 * .../computed-data/stream} that carries it. Then, with the match still streaming, concurrent
 * clients read computed data of all timeframes back to back.
 */
final class LiveLatencyBenchmark {

  static final int RATE_HZ = 25;
  static final long TICK_MILLIS = 1000 / RATE_HZ;

  /** Pause between two table reads of one watched device, ms (adds half of it on average). */
  static final long POLL_MILLIS = 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One player's device: its ids, movement and what its sender has sent. */
  private static final class Device {
    final long device;
    final long timeframe;
    final PlayerTrack track;
    final boolean watched;
    final PendingBatches table = new PendingBatches();
    final PendingBatches sse = new PendingBatches();
    long nextTick;

    Device(MatchSetup.PlayerIds ids, PlayerTrack track, boolean watched, long firstTick) {
      this.device = ids.device();
      this.timeframe = ids.timeframe();
      this.track = track;
      this.watched = watched;
      this.nextTick = firstTick;
    }
  }

  private final BenchContext ctx;
  private final WearflowClient client;
  private final HttpClient sseHttp = HttpClient.newHttpClient();
  private final AtomicLong framesAccepted = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final LatencyRecorder toTable = new LatencyRecorder();
  private final LatencyRecorder toSse = new LatencyRecorder();
  private volatile boolean measuring;
  private volatile boolean running = true;

  LiveLatencyBenchmark(BenchContext ctx) {
    this.ctx = ctx;
    this.client = new WearflowClient(ctx.httpUrl());
  }

  int matches() {
    return 2;
  }

  int athletesPerMatch() {
    return ctx.options().quick() ? 10 : 30;
  }

  int watchedDevices() {
    return ctx.options().quick() ? 2 : 4;
  }

  void run() throws Exception {
    ctx.memory().resetPeaks();
    String run = UUID.randomUUID().toString().substring(0, 8);
    MatchSetup setup = MatchSetup.createManager(client, BenchCommand.ADMIN_PASSWORD, run);
    String token = setup.token();
    long now = System.currentTimeMillis();
    long firstTick = now - now % 1000;
    long start = firstTick - 5_000;
    long end = firstTick + 3_600_000;
    List<Device> devices = new ArrayList<>();
    int athletes = athletesPerMatch();
    int watchEvery = Math.max(1, matches() * athletes / watchedDevices());
    for (int m = 0; m < matches(); m++) {
      long activity =
          setup.createActivity("Bench match " + run + "-" + m, "Bench Home", "Bench Away");
      for (int a = 0; a < athletes; a++) {
        String label = (a < athletes / 2 ? "home-" : "away-") + m + "-" + (a + 1);
        int index = devices.size();
        devices.add(
            new Device(
                setup.createPlayer(activity, label, RATE_HZ, start, end),
                new PlayerTrack(index + 1L, RATE_HZ, 25),
                index % watchEvery == 0,
                firstTick));
      }
    }
    List<Device> watched = devices.stream().filter(d -> d.watched).toList();
    ctx.progress(
        "live: %d matches x %d athletes x %d Hz set up through the API; %d devices watched",
        matches(), athletes, RATE_HZ, watched.size());

    ScheduledExecutorService senders = new ScheduledThreadPoolExecutor(16);
    List<Thread> readers = new ArrayList<>();
    List<Stream<String>> streams = new ArrayList<>();
    try {
      SplittableRandom random = new SplittableRandom(7);
      for (Device d : devices) {
        long period = 100 + random.nextInt(101);
        senders.scheduleAtFixedRate(
            () -> send(d, token), random.nextInt((int) period), period, TimeUnit.MILLISECONDS);
      }
      for (Device d : watched) {
        readers.add(BenchContext.thread("bench-live-poll", () -> poll(d, token)));
        readers.add(BenchContext.thread("bench-live-sse", () -> listen(d, token, streams)));
      }
      awaitFirstData(watched, token, Duration.ofSeconds(90));
      ctx.progress("live: computed data flowing; warming up");
      Thread.sleep(Math.max(3_000, ctx.duration().toMillis() / 4));
      for (Device d : watched) {
        d.table.clear();
        d.sse.clear();
      }
      long frames0 = framesAccepted.get();
      long requests0 = requests.get();
      measuring = true;
      ctx.progress(
          "live: measuring for %d s (%d devices posting every 100-200 ms)",
          ctx.duration().toSeconds(), devices.size());
      long started = System.nanoTime();
      Thread.sleep(ctx.duration().toMillis());
      measuring = false;
      double seconds = BenchContext.seconds(System.nanoTime() - started);
      long frames = framesAccepted.get() - frames0;
      long posts = requests.get() - requests0;
      // Batches accepted at the end still become readable.
      Thread.sleep(2_000);
      int unseenTable = watched.stream().mapToInt(d -> d.table.size()).sum();
      int unseenSse = watched.stream().mapToInt(d -> d.sse.size()).sum();
      ctx.add(
          Figure.of("live.frames_per_s", frames / seconds, "frames/s")
              .withNote(
                  Math.round(posts / seconds)
                      + " POST /frames per s, "
                      + failures.get()
                      + " non-2xx; "
                      + matches()
                      + " x "
                      + athletes
                      + " athletes x "
                      + RATE_HZ
                      + " Hz"));
      String note =
          watched.size()
              + " of "
              + devices.size()
              + " devices watched, %d batches, %d unseen; "
              + "accept = answer to POST /frames";
      addLatency(
          "live.frame_to_readable",
          toTable,
          String.format(note, toTable.percentiles().count(), unseenTable)
              + ", readable = GET computed-data (polled every "
              + POLL_MILLIS
              + " ms) shows it");
      addLatency(
          "live.frame_to_sse",
          toSse,
          String.format(note, toSse.percentiles().count(), unseenSse)
              + ", readable = SSE event of computed-data/stream carries it");
      running = false;
      readTimeframes(devices, token);
      ctx.addMemory("live", null);
    } finally {
      running = false;
      measuring = false;
      senders.shutdownNow();
      for (Stream<String> stream : streams) {
        stream.close();
      }
      for (Thread reader : readers) {
        reader.join(2_000);
      }
    }
  }

  private void addLatency(String name, LatencyRecorder latencies, String note) {
    Percentiles p = latencies.percentiles();
    if (p.count() == 0) {
      ctx.add(
          new Figure(name + ".p99_ms", Double.NaN, "ms", Figure.Target.atMost(250), "none seen"));
      return;
    }
    ctx.add(Figure.of(name + ".p50_ms", p.millisAt(50), "ms", Figure.Target.atMost(100)));
    ctx.add(
        Figure.of(name + ".p99_ms", p.millisAt(99), "ms", Figure.Target.atMost(250))
            .withNote(note));
  }

  /** Sends the device's frames from its next tick up to now (one POST). */
  private void send(Device d, String token) {
    try {
      long now = System.currentTimeMillis();
      ArrayNode frames = JSON.createArrayNode();
      long last = -1;
      for (long t = d.nextTick; t <= now; t += TICK_MILLIS) {
        PlayerTrack.Point p = d.track.next(t);
        frames
            .addObject()
            .put("timestamp", p.timestamp())
            .put("x", p.x())
            .put("y", p.y())
            .put("speed", p.speed())
            .put("heart_rate", p.heartRate());
        last = t;
      }
      if (last < 0) {
        return;
      }
      d.nextTick = last + TICK_MILLIS;
      ObjectNode body = WearflowClient.object();
      body.set("frames", frames);
      WearflowClient.Response response = client.post(MatchSetup.framesPath(d.device), token, body);
      long accepted = System.nanoTime();
      requests.incrementAndGet();
      if (!response.ok()) {
        failures.incrementAndGet();
        return;
      }
      framesAccepted.addAndGet(frames.size());
      if (d.watched && measuring) {
        d.table.accepted(last, accepted);
        d.sse.accepted(last, accepted);
      }
    } catch (RuntimeException e) {
      failures.incrementAndGet();
    }
  }

  /** Reads the device's computed data back to back, {@value #POLL_MILLIS} ms apart. */
  private void poll(Device d, String token) {
    String path = MatchSetup.computedDataPath(d.timeframe);
    while (running) {
      try {
        WearflowClient.Response response = client.get(path, token);
        long read = System.nanoTime();
        JsonNode last = response.body().path("last_timestamp");
        if (response.ok() && last.isNumber()) {
          d.table.readable(last.asLong(), read, toTable);
        }
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The stack is busy or stopping; the next read tells.
      }
    }
  }

  /** Follows the device's computed-data stream; each event completes the batches it carries. */
  private void listen(Device d, String token, List<Stream<String>> streams) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(ctx.httpUrl() + MatchSetup.computedDataPath(d.timeframe) + "stream"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .build();
    try {
      HttpResponse<Stream<String>> response =
          sseHttp.send(request, HttpResponse.BodyHandlers.ofLines());
      if (response.statusCode() != 200) {
        ctx.progress("live: stream answered %d", response.statusCode());
        return;
      }
      synchronized (streams) {
        streams.add(response.body());
      }
      String event = "";
      StringBuilder data = new StringBuilder();
      for (var lines = response.body().iterator(); running && lines.hasNext(); ) {
        String line = lines.next();
        if (line.isEmpty()) {
          if ("computed-data".equals(event) && data.length() > 0) {
            long read = System.nanoTime();
            JsonNode last = JSON.readTree(data.toString()).path("last_timestamp");
            if (last.isNumber()) {
              d.sse.readable(last.asLong(), read, toSse);
            }
          }
          event = "";
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        ctx.progress("live: stream of timeframe %d ended: %s", d.timeframe, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitFirstData(List<Device> watched, String token, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Device d : watched) {
      while (!client.get(MatchSetup.computedDataPath(d.timeframe), token).ok()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "no computed data for timeframe " + d.timeframe + " after " + timeout);
        }
        Thread.sleep(200);
      }
    }
  }

  /**
   * {@code GET /v1/timeframes/{id}/computed-data/} under concurrent clients, closed loop over all
   * timeframes, while the match keeps streaming.
   */
  private void readTimeframes(List<Device> devices, String token) throws InterruptedException {
    int clients = ctx.options().clients();
    Duration duration = Duration.ofSeconds(Math.max(4, ctx.duration().toSeconds() / 2));
    ctx.progress(
        "live: %d clients reading computed data of %d timeframes for %d s, match streaming",
        clients, devices.size(), duration.toSeconds());
    LatencyRecorder latencies = new LatencyRecorder();
    AtomicLong readFailures = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    long endAt = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      WearflowClient http = new WearflowClient(ctx.httpUrl());
      int offset = c;
      threads.add(
          BenchContext.thread(
              "bench-read-timeframe",
              () -> {
                for (int i = offset; System.nanoTime() < endAt; i += clients) {
                  Device d = devices.get(i % devices.size());
                  long begin = System.nanoTime();
                  try {
                    WearflowClient.Response response =
                        http.get(MatchSetup.computedDataPath(d.timeframe), token);
                    if (response.ok()) {
                      latencies.record(System.nanoTime() - begin);
                      bytes.set(response.text().length());
                      continue;
                    }
                  } catch (RuntimeException e) {
                    // Counted below.
                  }
                  readFailures.incrementAndGet();
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Percentiles p = latencies.percentiles();
    if (p.count() == 0) {
      throw new IllegalStateException("no computed-data read succeeded");
    }
    ctx.add(Figure.of("read.timeframe_computed_data.p50_ms", p.millisAt(50), "ms"));
    ctx.add(
        Figure.of(
                "read.timeframe_computed_data.p99_ms",
                p.millisAt(99),
                "ms",
                Figure.Target.atMost(50))
            .withNote(
                clients
                    + " clients closed-loop over "
                    + devices.size()
                    + " timeframes while the match streams, "
                    + bytes.get() / 1024
                    + " kB answers, "
                    + readFailures.get()
                    + " non-2xx"));
    ctx.add(
        Figure.of(
            "read.timeframe_computed_data.requests_per_s",
            p.count() / (double) duration.toSeconds(),
            "req/s"));
  }
}
