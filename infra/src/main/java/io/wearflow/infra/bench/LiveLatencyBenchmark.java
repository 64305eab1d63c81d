package io.wearflow.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.client.WearflowClient;
import io.wearflow.infra.simulate.match.MatchSetup;
import io.wearflow.infra.simulate.match.PlayerTrack;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Live latency (issue 6 point 4) and the read of a timeframe's computed data (point 6): matches of
 * 25 Hz players set up through the API as {@code ./wearflow simulate match} does ({@link
 * MatchSetup}), every device posting its new frames live every 100-200 ms on its own keep-alive
 * connection ({@link DeviceConnection}), as a real device would: one batch at a time, the next when
 * its period comes. After a warm-up at the measured load (until the JIT compiler quiets down,
 * capped), it measures for the batches of a few watched devices the time from the edge's 2xx answer
 * (the accept) to (a) a {@code GET /v1/timeframes/{id}/computed-data/} whose {@code last_timestamp}
 * reaches the batch's last frame (polled every {@value #POLL_MILLIS} ms) and (b) the Server-Sent
 * Event of {@code .../computed-data/stream} that carries it, and where that time goes ({@link
 * LiveStages}: Kafka, the job, the table write, the readers). Then, with the match still streaming,
 * concurrent clients read computed data of all timeframes back to back.
 */
final class LiveLatencyBenchmark {

  static final int RATE_HZ = 25;
  static final long TICK_MILLIS = 1000 / RATE_HZ;

  /** Pause between two table reads of one watched device, ms (adds half of it on average). */
  static final long POLL_MILLIS = 20;

  /** The warm-up ends once the JIT compiles less than this many ms per second of wall time. */
  static final long JIT_QUIET_MILLIS_PER_S = 50;

  /** Length of one warm-up window over which the JIT's compile time is compared, s. */
  static final int WARMUP_WINDOW_S = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One player's device: its ids, movement and what its sender has sent. */
  private static final class Device {
    final long device;
    final long timeframe;
    final PlayerTrack track;
    final boolean watched;
    final PendingBatches table = new PendingBatches();
    final PendingBatches sse = new PendingBatches();
    final PendingBatches kafka = new PendingBatches();
    final FrameBody body = new FrameBody();
    long nextTick;

    /** The newest frame the Kafka watcher saw (epoch ms of the frame) and when, epoch ms. */
    volatile long kafkaNewest = Long.MIN_VALUE;

    volatile long kafkaNewestAt;

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
  private final ConcurrentLinkedQueue<BatchTrace> traces = new ConcurrentLinkedQueue<>();
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

  /**
   * The longest warm-up, s: the JIT of a JVM hosting the whole stack takes minutes to settle.
   * {@code -Dwearflow.bench.live.max-warmup-s=N} overrides it (e.g. to compare with a cold stack).
   */
  int warmupCapSeconds() {
    return Integer.getInteger("wearflow.bench.live.max-warmup-s", ctx.options().quick() ? 60 : 120);
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

    List<Thread> threads = new ArrayList<>();
    List<Stream<String>> streams = new ArrayList<>();
    try {
      SplittableRandom random = new SplittableRandom(7);
      for (Device d : devices) {
        long period = 100 + random.nextInt(101);
        long offset = random.nextInt((int) period);
        threads.add(
            BenchContext.thread("bench-live-device", () -> sendLoop(d, token, period, offset)));
      }
      ctx.stack()
          .ifPresent(
              stack ->
                  threads.add(
                      BenchContext.thread("bench-live-kafka", () -> watchKafka(stack, watched))));
      for (Device d : watched) {
        threads.add(BenchContext.thread("bench-live-poll", () -> poll(d, token)));
        threads.add(BenchContext.thread("bench-live-sse", () -> listen(d, token, streams)));
      }
      awaitFirstData(watched, token, Duration.ofSeconds(90));
      warmUp(devices.size());
      for (Device d : watched) {
        d.table.clear();
        d.sse.clear();
        d.kafka.clear();
      }
      long frames0 = framesAccepted.get();
      long requests0 = requests.get();
      long measureStart = System.currentTimeMillis();
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
      List<BatchTrace> measured = new ArrayList<>(traces);
      ctx.progress("live: where the time goes (ms, per measured batch of the watched devices):");
      LiveStages.breakdown(measured).forEach(line -> ctx.progress("live:   %s", line));
      ctx.progress("live: time series by second of accept (ms):");
      LiveStages.timeSeries(measured, measureStart)
          .forEach(line -> ctx.progress("live:   %s", line));
      running = false;
      readTimeframes(devices, token);
      ctx.addMemory("live", null);
    } finally {
      running = false;
      measuring = false;
      for (Stream<String> stream : streams) {
        stream.close();
      }
      for (Thread thread : threads) {
        thread.join(2_000);
      }
    }
  }

  /**
   * Lets the stack run at the measured load until the JIT compiler's total time grows by less than
   * {@value #JIT_QUIET_MILLIS_PER_S} ms/s over {@value #WARMUP_WINDOW_S} s (at least a quarter of
   * the measurement, at most {@link #warmupCapSeconds()}): a deployed edge and job are warm, and
   * compilation would otherwise take a fifth of the machine while latency is measured.
   */
  private void warmUp(int deviceCount) throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
    long minimum =
        Math.min(warmupCapSeconds() * 1000L, Math.max(3_000, ctx.duration().toMillis() / 4));
    long began = System.nanoTime();
    ctx.progress(
        "live: computed data flowing; warming up at the measured load until the JIT compiles"
            + " < %d ms/s (%d to %d s)",
        JIT_QUIET_MILLIS_PER_S, minimum / 1000, warmupCapSeconds());
    while (true) {
      long compiled0 = timed ? jit.getTotalCompilationTime() : 0;
      long frames0 = framesAccepted.get();
      long posts0 = requests.get();
      long window0 = System.nanoTime();
      Thread.sleep(WARMUP_WINDOW_S * 1000L);
      double windowSeconds = BenchContext.seconds(System.nanoTime() - window0);
      double jitRate =
          timed ? (jit.getTotalCompilationTime() - compiled0) / windowSeconds : Double.NaN;
      long elapsedMillis = (System.nanoTime() - began) / 1_000_000;
      ctx.progress(
          "live: warm-up %3d s: JIT %4.0f ms/s, %5.0f frames/s in %4.0f POST/s (%d devices), %d"
              + " non-2xx",
          elapsedMillis / 1000,
          jitRate,
          (framesAccepted.get() - frames0) / windowSeconds,
          (requests.get() - posts0) / windowSeconds,
          deviceCount,
          failures.get());
      boolean quiet = !timed || jitRate < JIT_QUIET_MILLIS_PER_S;
      if (elapsedMillis >= minimum && quiet) {
        return;
      }
      if (elapsedMillis + WARMUP_WINDOW_S * 1000L > Math.max(minimum, warmupCapSeconds() * 1000L)) {
        ctx.progress("live: warm-up capped at %d s, JIT still compiling", warmupCapSeconds());
        return;
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

  /**
   * The device's sender: every {@code periodMillis} (first after {@code offsetMillis}) one POST of
   * its frames from its next tick up to now, on its own connection. A POST answered after the next
   * period began is followed at once by the next one, which then carries more frames.
   */
  private void sendLoop(Device d, String token, long periodMillis, long offsetMillis) {
    try (DeviceConnection connection =
        new DeviceConnection(ctx.httpUrl(), MatchSetup.framesPath(d.device), token)) {
      long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(offsetMillis);
      long period = TimeUnit.MILLISECONDS.toNanos(periodMillis);
      while (running) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
          continue;
        }
        send(d, connection);
        next = Math.max(next + period, System.nanoTime() - period);
      }
    }
  }

  /** Sends the device's frames from its next tick up to now (one POST). */
  private void send(Device d, DeviceConnection connection) {
    long now = System.currentTimeMillis();
    FrameBody body = d.body.clear();
    long last = -1;
    for (long t = d.nextTick; t <= now; t += TICK_MILLIS) {
      body.add(d.track.next(t));
      last = t;
    }
    if (last < 0) {
      return;
    }
    body.finish();
    d.nextTick = last + TICK_MILLIS;
    int status;
    try {
      status = connection.post(body.bytes(), body.length());
    } catch (IOException e) {
      requests.incrementAndGet();
      failures.incrementAndGet();
      return;
    }
    long accepted = System.nanoTime();
    long acceptedAt = System.currentTimeMillis();
    requests.incrementAndGet();
    if (status / 100 != 2) {
      failures.incrementAndGet();
      return;
    }
    framesAccepted.addAndGet(body.frames());
    if (d.watched && measuring) {
      BatchTrace trace = new BatchTrace(now, acceptedAt);
      traces.add(trace);
      d.table.accepted(last, accepted, trace);
      d.sse.accepted(last, accepted, trace);
      synchronized (d.kafka) {
        d.kafka.accepted(last, accepted, trace);
        if (d.kafkaNewest >= last) {
          // The watcher saw the frames before the answer reached this sender.
          long seenAt = d.kafkaNewestAt;
          d.kafka.readable(last, accepted, new LatencyRecorder(), t -> t.kafkaAt = seenAt);
        }
      }
    }
  }

  /**
   * Follows the tracking topic as the job's source does (read_committed, default fetch settings)
   * and marks when each watched device's batch is visible there, for the stage breakdown.
   */
  private void watchKafka(LocalStack stack, List<Device> watched) {
    Map<String, Device> byKey = new HashMap<>();
    for (Device d : watched) {
      byKey.put(Long.toString(d.device), d);
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    ConfluentAvroDeserializer<TrackingFrame> frames =
        new ConfluentAvroDeserializer<>(
            new SchemaRegistryClient(stack.endpoints().registry()), TrackingFrame.class);
    LatencyRecorder ignored = new LatencyRecorder();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(Topics.TRACKING.name())) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          Device d = byKey.get(record.key());
          if (d == null || !measuring) {
            continue;
          }
          long seen = System.nanoTime();
          long seenAt = System.currentTimeMillis();
          long timestamp = frames.deserialize(record.value()).getTimestamp().toEpochMilli();
          synchronized (d.kafka) {
            if (timestamp > d.kafkaNewest) {
              d.kafkaNewestAt = seenAt;
              d.kafkaNewest = timestamp;
            }
            d.kafka.readable(timestamp, seen, ignored, trace -> trace.kafkaAt = seenAt);
          }
        }
      }
    } catch (RuntimeException e) {
      if (running) {
        ctx.progress("live: Kafka watcher stopped: %s", e);
      }
    }
  }

  /** Reads the device's computed data back to back, {@value #POLL_MILLIS} ms apart. */
  private void poll(Device d, String token) {
    String path = MatchSetup.computedDataPath(d.timeframe);
    while (running) {
      try {
        WearflowClient.Response response = client.get(path, token);
        long read = System.nanoTime();
        long readAt = System.currentTimeMillis();
        JsonNode last = response.body().path("last_timestamp");
        if (response.ok() && last.isNumber()) {
          long computedAt = response.body().path("last_computation").asLong();
          d.table.readable(
              last.asLong(),
              read,
              toTable,
              trace -> {
                trace.getComputedAt = computedAt;
                trace.getReadAt = readAt;
              });
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
      String id = "";
      StringBuilder data = new StringBuilder();
      for (var lines = response.body().iterator(); running && lines.hasNext(); ) {
        String line = lines.next();
        if (line.isEmpty()) {
          if ("computed-data".equals(event) && data.length() > 0) {
            long read = System.nanoTime();
            long readAt = System.currentTimeMillis();
            JsonNode json = JSON.readTree(data.toString());
            JsonNode last = json.path("last_timestamp");
            if (last.isNumber()) {
              long computedAt = json.path("last_computation").asLong();
              long updatedAt = parseLong(id);
              d.sse.readable(
                  last.asLong(),
                  read,
                  toSse,
                  trace -> {
                    trace.sseComputedAt = computedAt;
                    trace.sseUpdatedAt = updatedAt;
                    trace.sseReadAt = readAt;
                  });
            }
          }
          event = "";
          id = "";
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
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

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
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
                    WearflowClient.Fetched response =
                        http.fetch(MatchSetup.computedDataPath(d.timeframe), token);
                    if (response.ok()) {
                      latencies.record(System.nanoTime() - begin);
                      bytes.set(response.bytes());
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
