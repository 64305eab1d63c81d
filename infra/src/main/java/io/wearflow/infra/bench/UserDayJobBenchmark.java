package io.wearflow.infra.bench;

import com.sun.management.OperatingSystemMXBean;
import io.wearflow.connectors.parquet.PublishedUserDay;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.http.samples.KafkaSamplePublisher;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.StackEndpoints;
import io.wearflow.infra.flink.LocalFlinkCluster;
import io.wearflow.infra.kafka.EmbeddedKafkaBroker;
import io.wearflow.jobs.userday.SampleRules;
import io.wearflow.jobs.userday.UserDayJob;
import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The user-day job: events per second from a pre-filled topic to committed results in PostgreSQL,
 * with parallelism 1, next to the ceiling: the same records decoded, screened and aggregated by the
 * job's own logic ({@link SampleRules}, {@code UserDayAccumulator}, {@code UserDayResults}) in a
 * plain single-threaded loop without Flink, Kafka or PostgreSQL.
 *
 * <p>The topic holds, per synthetic user, 7 local days of one steps and one heart-rate sample per
 * minute, produced in 1000-sample chunks taking turns between users (as devices post batches). The
 * job is done when every user-day row is in {@code user_day} with its final sample count.
 */
final class UserDayJobBenchmark {

  static final int DAYS = 7;
  static final int CHUNK = 1000;
  private static final long USER_ID_BASE = 1_000_000_000L;

  private final BenchContext ctx;

  UserDayJobBenchmark(BenchContext ctx) {
    this.ctx = ctx;
  }

  void run() throws Exception {
    LocalStack stack = ctx.stack().orElseThrow();
    StackEndpoints endpoints = stack.endpoints();
    LocalFlinkCluster flink =
        stack.flink().orElseThrow(() -> new IllegalStateException("no Flink cluster"));
    ctx.memory().resetPeaks();
    int users = ctx.options().userDayUsers();
    String run = Long.toString(System.currentTimeMillis(), 36);
    String topic = "bench-userday-" + run;
    EmbeddedKafkaBroker.createTopics(
        endpoints.kafkaBootstrapServers(),
        List.of(topic),
        stack.config().kafka().topicPartitions());

    LocalDate yesterday = LocalDate.now(BenchSamples.OFFSET).minusDays(1);
    List<LocalDate> days = new ArrayList<>();
    for (int d = DAYS - 1; d >= 0; d--) {
      days.add(yesterday.minusDays(d));
    }
    long perUser = (long) DAYS * BenchSamples.PER_DAY;
    int total = (int) (perUser * users);
    Instant receivedAt = Instant.now();

    SchemaRegistryClient registry = new SchemaRegistryClient(endpoints.registry());
    ConfluentAvroSerializer<Sample> serializer =
        new ConfluentAvroSerializer<>(registry, Topics.SAMPLES.valueSubject(), Sample.class);
    byte[][] records = new byte[total][];
    ctx.progress(
        "userday: pre-filling topic %s with %,d samples (%d users x %d days)",
        topic, total, users, DAYS);
    long prefillStart = System.nanoTime();
    Properties props =
        KafkaSamplePublisher.producerProperties(
            endpoints.kafkaBootstrapServers(), Duration.ofSeconds(60));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-bench-prefill");
    long bytes = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      int n = 0;
      for (long first = 0; first < perUser; first += CHUNK) {
        for (int u = 0; u < users; u++) {
          long userId = USER_ID_BASE + u;
          String key = Long.toString(userId);
          for (long k = first; k < Math.min(first + CHUNK, perUser); k++) {
            LocalDate day = days.get((int) (k / BenchSamples.PER_DAY));
            byte[] value =
                serializer.serialize(
                    BenchSamples.sample(userId, day, (int) (k % BenchSamples.PER_DAY), receivedAt));
            records[n++] = value;
            bytes += value.length;
            producer.send(new ProducerRecord<>(topic, key, value));
          }
        }
      }
      producer.flush();
    }
    ctx.progress(
        "userday: pre-filled %.1f MB in %.1f s", bytes / 1e6, DurationSeconds.since(prefillStart));

    double ceiling = ceiling(registry, records, users);
    ctx.add(
        Figure.of("userday.ceiling.events_per_s", ceiling, "events/s")
            .withNote("plain Java loop: decode + screen + aggregate + publish once, 1 thread"));
    records = null; // the job must not compete with the bench's own copy for heap
    // Nor pay for collecting it (and the plain loop's maps): a full collection of them in the
    // first seconds of the job took 0.5 s in a GC log of this benchmark.
    System.gc();

    Configuration options = new Configuration();
    options.set(UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS, endpoints.kafkaBootstrapServers());
    options.set(UserDayJobOptions.SCHEMA_REGISTRY_URL, endpoints.registry().url());
    options.set(UserDayJobOptions.JDBC_URL, endpoints.postgres().jdbcUrl());
    options.set(UserDayJobOptions.JDBC_USER, endpoints.postgres().username());
    if (endpoints.postgres().password() != null && !endpoints.postgres().password().isEmpty()) {
      options.set(UserDayJobOptions.JDBC_PASSWORD, endpoints.postgres().password());
    }
    options.set(UserDayJobOptions.SAMPLES_TOPIC, topic);
    options.set(UserDayJobOptions.CONSUMER_GROUP, "bench-user-day-" + run);
    options.set(
        UserDayJobOptions.EXPORTS_BASE_DIR,
        ctx.workDir().resolve("userday-exports-" + run).toUri().toString());
    UserDayJob job = UserDayJob.fromConfiguration(options);

    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int expectedRows = users * DAYS;
    ctx.progress(
        "userday: running the job (parallelism %d) until %d user-days hold %,d samples",
        stack.config().flink().parallelism(), expectedRows, total);
    long cpuStart = os.getProcessCpuTime();
    long submitted = System.nanoTime();
    JobID jobId =
        flink.submit(
            "bench-user-day-" + run,
            job::addTo,
            ctx.workDir().resolve("checkpoints-" + run),
            stack.config().flink().checkpointInterval());
    long firstSeen = -1;
    long firstCount = 0;
    long done = -1;
    long deadline = submitted + Duration.ofMinutes(ctx.options().quick() ? 3 : 6).toNanos();
    long[] progress = {0, 0};
    long lastReport = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long[] now = rowsAndSamples(stack, users);
      long t = System.nanoTime();
      if (firstSeen < 0 && now[1] > 0) {
        firstSeen = t;
        firstCount = now[1];
      }
      if (now[0] == expectedRows && now[1] == total) {
        done = t;
        break;
      }
      if (t - lastReport > 5_000_000_000L) {
        ctx.progress("userday: %d rows, %,d of %,d samples counted", now[0], now[1], total);
        lastReport = t;
      }
      progress = now;
      Thread.sleep(100);
    }
    long cpu = os.getProcessCpuTime() - cpuStart;
    flink.stop(jobId);
    if (done < 0) {
      ctx.add(
          new Figure(
              "userday.job.events_per_s_per_core",
              Double.NaN,
              "events/s",
              Figure.Target.atLeast(100_000),
              "timed out at " + progress[1] + " of " + total + " samples"));
      return;
    }
    double endToEnd = total / DurationSeconds.between(submitted, done);
    double steady =
        done - firstSeen > 1_000_000_000L
            ? (total - firstCount) / DurationSeconds.between(firstSeen, done)
            : endToEnd;
    ctx.add(
        Figure.of(
                "userday.job.events_per_s_per_core",
                steady,
                "events/s",
                Figure.Target.atLeast(100_000))
            .withNote("parallelism 1, from the first row in PostgreSQL to the last"));
    ctx.add(
        Figure.of("userday.job.events_per_s_end_to_end", endToEnd, "events/s")
            .withNote(
                String.format(
                    java.util.Locale.ROOT,
                    "%,d samples, submit to last row: %.1f s (incl. job start)",
                    total,
                    DurationSeconds.between(submitted, done))));
    ctx.add(
        Figure.of("userday.job.jvm_cpu_cores", cpu / (double) (done - submitted), "cores")
            .withNote(
                "CPU the bench JVM used meanwhile (job, broker, registry client); not PostgreSQL"));
    ctx.add(Figure.of("userday.job_vs_ceiling", steady / ceiling, "x"));
    ctx.addMemory("userday", Figure.Target.atMost(1536));
  }

  /** Best of two runs of the plain loop over the same records, in the same order. */
  private double ceiling(SchemaRegistryClient registry, byte[][] records, int users) {
    ConfluentAvroDeserializer<Sample> deserializer =
        new ConfluentAvroDeserializer<>(registry, Sample.class);
    double best = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
      long start = System.nanoTime();
      Map<Long, InMemoryUserState> states = new HashMap<>();
      for (byte[] record : records) {
        Sample sample = deserializer.deserialize(record);
        if (SampleRules.problemWith(sample).isPresent()) {
          throw new IllegalStateException("bench sample refused: " + sample);
        }
        states
            .computeIfAbsent(sample.getUserId(), InMemoryUserState::new)
            .accumulator
            .upsert(sample, Long.MIN_VALUE);
      }
      long counted = 0;
      for (InMemoryUserState state : states.values()) {
        for (PublishedUserDay day : state.accumulator.publishChanged()) {
          counted += day.day().getSampleCount();
        }
      }
      double seconds = DurationSeconds.since(start);
      if (counted != records.length || states.size() != users) {
        throw new IllegalStateException(
            "ceiling counted " + counted + " of " + records.length + " samples");
      }
      best = Math.max(best, records.length / seconds);
      ctx.progress("userday: plain loop %d: %.0f events/s", attempt + 1, records.length / seconds);
    }
    return best;
  }

  /** Rows and summed sample counts of the bench users in {@code user_day}. */
  private static long[] rowsAndSamples(LocalStack stack, int users) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*), coalesce(sum(sample_count), 0) FROM user_day"
                    + " WHERE user_id >= ? AND user_id < ?")) {
      s.setLong(1, USER_ID_BASE);
      s.setLong(2, USER_ID_BASE + users);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new long[] {r.getLong(1), r.getLong(2)};
      }
    }
  }

  /** Seconds between System.nanoTime() readings. */
  static final class DurationSeconds {
    private DurationSeconds() {}

    static double since(long startNanos) {
      return between(startNanos, System.nanoTime());
    }

    static double between(long startNanos, long endNanos) {
      return (endNanos - startNanos) / 1e9;
    }
  }
}
