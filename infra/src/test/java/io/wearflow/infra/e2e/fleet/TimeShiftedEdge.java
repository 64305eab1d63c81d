package io.wearflow.infra.e2e.fleet;

import io.javalin.Javalin;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.http.HttpApp;
import io.wearflow.http.HttpConfig;
import io.wearflow.http.HttpDependencies;
import io.wearflow.http.samples.KafkaSamplePublisher;
import io.wearflow.infra.LocalStack;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A second HTTP edge on a running local stack, wired exactly as {@link LocalStack} wires its own
 * ({@link HttpDependencies#of} on the stack's database, a {@link KafkaSamplePublisher} on its
 * samples topic and registry, the stack's edge configuration) except for the clock, which a test
 * sets to another date: the edge stamps {@code received_at} (what the user-day job measures
 * lateness and releases days by) and checks tokens with that clock. So the whole pipeline can be
 * run as if it were a past date, e.g. the day after a DST change. Tokens are its own (a fresh
 * signing key); accounts, settings and results are the stack's.
 */
final class TimeShiftedEdge implements AutoCloseable {

  private final ShiftedClock clock;
  private final KafkaSamplePublisher publisher;
  private final Javalin app;

  private TimeShiftedEdge(ShiftedClock clock, KafkaSamplePublisher publisher, Javalin app) {
    this.clock = clock;
    this.publisher = publisher;
    this.app = app;
  }

  /** Starts the edge on a free loopback port, its clock at the real time until {@link #setNow}. */
  static TimeShiftedEdge start(LocalStack stack) {
    HttpConfig config = stack.config().http().api();
    ShiftedClock clock = new ShiftedClock();
    KafkaSamplePublisher publisher =
        new KafkaSamplePublisher(
            stack.endpoints().kafkaBootstrapServers(),
            config.kafka().samplesTopic(),
            new ConfluentAvroSerializer<>(
                new SchemaRegistryClient(stack.endpoints().registry()),
                Topics.SAMPLES.valueSubject(),
                Sample.class),
            config.kafka().publishTimeout());
    byte[] tokenKey = new byte[32];
    new SecureRandom().nextBytes(tokenKey);
    Javalin app =
        HttpApp.create(
            HttpDependencies.of(stack.database().dataSource(), publisher, tokenKey, clock, config));
    try {
      app.start("127.0.0.1", 0);
    } catch (RuntimeException e) {
      publisher.close();
      throw e;
    }
    return new TimeShiftedEdge(clock, publisher, app);
  }

  /** Base URL of the edge. */
  String url() {
    return "http://127.0.0.1:" + app.port();
  }

  /** From now on the edge's clock reads {@code now}, then runs on at the real pace. */
  void setNow(Instant now) {
    clock.offset = Duration.between(Instant.now(), now);
  }

  @Override
  public void close() {
    app.stop();
    publisher.close();
  }

  /** The real clock moved by an offset that tests change. */
  private static final class ShiftedClock extends Clock {
    volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }
}
