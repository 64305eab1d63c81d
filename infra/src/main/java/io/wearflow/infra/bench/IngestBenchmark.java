package io.wearflow.infra.bench;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.http.samples.KafkaSamplePublisher;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.client.WearflowClient;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ingestion: samples per second accepted (2xx, after Kafka's ack) by {@code POST /api/v1.1/samples}
 * with 1000-sample batches from several clients, next to Kafka's own {@code ProducerPerformance}
 * (and a producer loop of the bench's) with the edge's producer settings sending records of the
 * same size to the same broker; then the batch latency at half of the measured maximum, paced
 * open-loop (a fixed schedule of send times, latency measured from the scheduled time so that a
 * slow answer cannot hide the queueing it causes).
 */
final class IngestBenchmark {

  /** The topic the bench stack's edge writes to: the stack's own user-day job does not read it. */
  static final String EDGE_TOPIC = "bench-ingest-samples";

  /** The topic of the bench's producer loop. */
  static final String PRODUCER_TOPIC = "bench-producer-samples";

  /** The topic of Kafka's ProducerPerformance. */
  static final String PRODUCER_PERF_TOPIC = "bench-producer-perf";

  static final int BATCH = 1000;

  private record Client(WearflowClient http, String token, long userId, String[] bodies) {}

  private final BenchContext ctx;

  IngestBenchmark(BenchContext ctx) {
    this.ctx = ctx;
  }

  void run() throws Exception {
    ctx.memory().resetPeaks();
    int clientCount = ctx.options().clients();
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    ctx.progress("ingest: registering %d users", clientCount);
    List<Client> clients = new ArrayList<>();
    String run = Long.toString(System.currentTimeMillis(), 36);
    for (int i = 0; i < clientCount; i++) {
      WearflowClient http = new WearflowClient(ctx.httpUrl());
      String username = "bench-ingest-" + run + "-" + i;
      String password = "bench-password-" + i;
      long id = http.registerAthlete(username, username + "@bench.invalid", password);
      String[] bodies = {
        BenchSamples.stepsBatchJson(day, 0, BATCH), BenchSamples.stepsBatchJson(day, 440, BATCH)
      };
      clients.add(new Client(http, http.token(username, password), id, bodies));
    }

    double producerRate = Double.NaN;
    if (ctx.stack().isPresent()) {
      producerRate =
          kafkaProducerPerformance(ctx.stack().get(), rawProducer(ctx.stack().get(), clients, day));
    }

    Duration duration = ctx.duration();
    ctx.progress("ingest: warming up the edge for %d s", Math.max(2, duration.toSeconds() / 4));
    closedLoop(clients, Duration.ofSeconds(Math.max(2, duration.toSeconds() / 4)));
    ctx.progress(
        "ingest: %d clients posting 1000-sample batches back to back for %d s",
        clientCount, duration.toSeconds());
    ClosedLoopResult max = closedLoop(clients, duration);
    ctx.add(
        Figure.of("ingest.http.samples_per_s", max.samplesPerSecond(), "samples/s")
            .withNote(max.failures() + " non-2xx answers; " + clientCount + " clients"));
    if (!Double.isNaN(producerRate)) {
      ctx.add(
          Figure.of(
                  "ingest.http_vs_producer",
                  max.samplesPerSecond() / producerRate,
                  "x",
                  Figure.Target.atLeast(0.5))
              .withNote("edge samples/s over Kafka's ProducerPerformance records/s"));
    } else {
      ctx.add(
          Figure.notYet(
              "ingest.http_vs_producer",
              "x",
              Figure.Target.atLeast(0.5),
              "no raw producer with --url"));
    }
    ctx.add(
        Figure.of("ingest.http.closed_loop_p50_ms", max.latencies().millisAt(50), "ms")
            .withNote("latency at the maximum rate (queueing included)"));

    double halfRate = max.samplesPerSecond() / 2;
    ctx.progress(
        "ingest: open-loop at %.0f samples/s (half the maximum) for %d s",
        halfRate, duration.toSeconds());
    OpenLoopResult paced = openLoop(clients, halfRate, duration);
    ctx.add(
        Figure.of("ingest.half_rate.p50_ms", paced.latencies().millisAt(50), "ms")
            .withNote(
                String.format(
                    java.util.Locale.ROOT,
                    "at %.0f samples/s offered, %.0f accepted",
                    halfRate,
                    paced.samplesPerSecond())));
    ctx.add(
        Figure.of(
                "ingest.half_rate.p99_ms",
                paced.latencies().millisAt(99),
                "ms",
                Figure.Target.atMost(50))
            .withNote(paced.failures() + " non-2xx; " + paced.latencies().count() + " batches"));
    ctx.addMemory("ingest", Figure.Target.atMost(1536));
  }

  /** What the producer loop measured: the records' average size and the rate. */
  private record LoopResult(double recordBytes, double recordsPerSecond) {}

  /**
   * Kafka's own {@code ProducerPerformance} ({@code kafka-producer-perf-test}, child JVM) against
   * the stack's broker: records of the edge's average size, the edge's producer settings, {@code
   * --throughput -1}, for about as long as the loop ran; the steady-state rate (after 3 s worth of
   * warm-up records) is the ceiling of the ingestion ratio.
   */
  private double kafkaProducerPerformance(LocalStack stack, LoopResult loop) throws Exception {
    Duration duration = ctx.duration();
    long warmup = Math.max(50_000, Math.round(loop.recordsPerSecond() * 3));
    long records =
        warmup + Math.max(100_000, Math.round(loop.recordsPerSecond() * duration.toSeconds()));
    int recordSize = (int) Math.round(loop.recordBytes());
    Properties props =
        KafkaSamplePublisher.producerProperties(
            stack.endpoints().kafkaBootstrapServers(),
            stack.config().http().api().kafka().publishTimeout());
    props.remove(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-bench-producer-perf");
    ctx.progress(
        "ingest: Kafka's ProducerPerformance, %,d records of %d bytes (%,d warm-up), edge settings",
        records, recordSize, warmup);
    KafkaProducerPerfTest.Summary summary =
        KafkaProducerPerfTest.run(
            stack.endpoints().kafkaBootstrapServers(),
            PRODUCER_PERF_TOPIC,
            records,
            warmup,
            recordSize,
            props,
            line -> ctx.progress("ingest: ProducerPerformance: %s", line));
    ctx.add(
        Figure.of("ingest.producer.records_per_s", summary.recordsPerSecond(), "records/s")
            .withNote(
                String.format(
                    Locale.ROOT,
                    "Kafka's ProducerPerformance (kafka-tools), %d-byte records, acks=all, edge"
                        + " settings, %s %,d records; its p50/p99 %d/%d ms",
                    recordSize,
                    summary.steadyState() ? "steady state of" : "all",
                    summary.records(),
                    summary.p50Ms(),
                    summary.p99Ms())));
    return summary.recordsPerSecond();
  }

  /**
   * A producer loop in the bench JVM: one thread sending as fast as the producer accepts, with the
   * edge's producer settings ({@link KafkaSamplePublisher#producerProperties}: acks=all,
   * idempotence, linger 5 ms, default batch size), values being the Avro-encoded samples the edge
   * would write, keyed by the same user ids as the edge keys them. Next to Kafka's tool, which
   * sends random unkeyed payloads of the same size, it shows what keys and real values change.
   */
  private LoopResult rawProducer(LocalStack stack, List<Client> clients, LocalDate day) {
    ConfluentAvroSerializer<Sample> serializer =
        new ConfluentAvroSerializer<>(
            new SchemaRegistryClient(stack.endpoints().registry()),
            Topics.SAMPLES.valueSubject(),
            Sample.class);
    Instant now = Instant.now();
    byte[][] values = new byte[BATCH][];
    long bytes = 0;
    for (int minute = 0; minute < BATCH; minute++) {
      values[minute] =
          serializer.serialize(
              BenchSamples.stepsAsAccepted(clients.get(0).userId(), day, minute, now));
      bytes += values[minute].length;
    }
    double recordSize = (double) bytes / BATCH;
    ctx.add(
        Figure.of("ingest.record_bytes", recordSize, "bytes")
            .withNote("average Confluent-framed Avro sample, as the edge writes it"));
    String[] keys = clients.stream().map(c -> Long.toString(c.userId())).toArray(String[]::new);
    Properties props =
        KafkaSamplePublisher.producerProperties(
            stack.endpoints().kafkaBootstrapServers(),
            stack.config().http().api().kafka().publishTimeout());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-bench-producer");
    Duration duration = ctx.duration();
    ctx.progress(
        "ingest: producer loop (edge settings, %.0f-byte records) for %d s",
        recordSize, duration.toSeconds());
    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Callback callback = (metadata, error) -> (error == null ? acked : failed).incrementAndGet();
    long start;
    long elapsed;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      // Warm-up: metadata, idempotent producer id, JIT.
      for (int i = 0; i < 20_000; i++) {
        producer.send(new ProducerRecord<>(PRODUCER_TOPIC, keys[0], values[i % BATCH]));
      }
      producer.flush();
      start = System.nanoTime();
      long end = start + duration.toNanos();
      long sent = 0;
      while (System.nanoTime() < end) {
        String key = keys[(int) ((sent / BATCH) % keys.length)];
        for (int i = 0; i < BATCH; i++) {
          producer.send(new ProducerRecord<>(PRODUCER_TOPIC, key, values[i]), callback);
        }
        sent += BATCH;
      }
      producer.flush();
      elapsed = System.nanoTime() - start;
    }
    double rate = acked.get() / BenchContext.seconds(elapsed);
    ctx.add(
        Figure.of("ingest.producer_loop.records_per_s", rate, "records/s")
            .withNote(
                "producer loop in the bench JVM, edge settings, the edge's Avro records keyed by"
                    + " user; "
                    + failed.get()
                    + " failed"));
    return new LoopResult(recordSize, rate);
  }

  record ClosedLoopResult(double samplesPerSecond, long failures, Percentiles latencies) {}

  private ClosedLoopResult closedLoop(List<Client> clients, Duration duration)
      throws InterruptedException {
    AtomicLong accepted = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    LatencyRecorder latencies = new LatencyRecorder();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (Client client : clients) {
      threads.add(
          BenchContext.thread(
              "bench-ingest-" + client.userId(),
              () -> {
                int k = 0;
                while (System.nanoTime() < end) {
                  long sent = System.nanoTime();
                  if (post(client, k++, failures)) {
                    accepted.addAndGet(BATCH);
                    latencies.record(System.nanoTime() - sent);
                  }
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long elapsed = System.nanoTime() - start;
    return new ClosedLoopResult(
        accepted.get() / BenchContext.seconds(elapsed), failures.get(), latencies.percentiles());
  }

  record OpenLoopResult(double samplesPerSecond, long failures, Percentiles latencies) {}

  /**
   * Sends one batch every {@code 1000 / samplesPerSecond} seconds on a fixed schedule, from enough
   * threads that a slow answer does not delay the next send; a batch's latency runs from its
   * scheduled send time to its answer.
   */
  private OpenLoopResult openLoop(List<Client> clients, double samplesPerSecond, Duration duration)
      throws InterruptedException {
    long interval = (long) (1e9 * BATCH / samplesPerSecond);
    AtomicLong ticket = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    LatencyRecorder latencies = new LatencyRecorder();
    long start = System.nanoTime() + 20_000_000L;
    long end = start + duration.toNanos();
    int threadCount = Math.max(8, clients.size() * 2);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < threadCount; t++) {
      Client client = clients.get(t % clients.size());
      threads.add(
          BenchContext.thread(
              "bench-paced-" + t,
              () -> {
                while (true) {
                  long i = ticket.getAndIncrement();
                  long scheduled = start + i * interval;
                  if (scheduled >= end) {
                    return;
                  }
                  long wait;
                  while ((wait = scheduled - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  if (post(client, (int) i, failures)) {
                    latencies.record(System.nanoTime() - scheduled);
                    accepted.addAndGet(BATCH);
                  }
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long elapsed = System.nanoTime() - start;
    return new OpenLoopResult(
        accepted.get() / BenchContext.seconds(elapsed), failures.get(), latencies.percentiles());
  }

  private static boolean post(Client client, int k, AtomicLong failures) {
    try {
      WearflowClient.Response response =
          client.http().post("/api/v1.1/samples", client.token(), client.bodies()[k & 1]);
      if (response.ok()) {
        return true;
      }
    } catch (RuntimeException e) {
      // Counted below.
    }
    failures.incrementAndGet();
    return false;
  }
}
