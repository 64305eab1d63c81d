package io.wearflow.infra;

import io.javalin.Javalin;
import io.wearflow.connectors.outbox.TimeframeOutboxRelay;
import io.wearflow.connectors.postgres.AccountStore;
import io.wearflow.connectors.postgres.ActivityFileStore;
import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.DeviceStore;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.postgres.SessionStore;
import io.wearflow.connectors.postgres.WebhookDeliveryQueue;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.http.HttpApp;
import io.wearflow.http.HttpDependencies;
import io.wearflow.http.activities.upload.ActivityFiles;
import io.wearflow.http.activities.upload.KafkaActivityPublisher;
import io.wearflow.http.auth.PasswordHasher;
import io.wearflow.http.devices.Devices;
import io.wearflow.http.devices.KafkaTrackingPublisher;
import io.wearflow.http.samples.KafkaSamplePublisher;
import io.wearflow.http.sessions.KafkaSessionPublisher;
import io.wearflow.http.webhooks.WebhookDispatcher;
import io.wearflow.infra.config.ConfigException;
import io.wearflow.infra.config.ConfigLoader;
import io.wearflow.infra.config.WearflowConfig;
import io.wearflow.infra.flink.LocalFlinkCluster;
import io.wearflow.infra.kafka.EmbeddedKafkaBroker;
import io.wearflow.infra.postgres.EmbeddedPostgresServer;
import io.wearflow.infra.registry.ApicurioRegistryProcess;
import io.wearflow.jobs.activity.ActivityJob;
import io.wearflow.jobs.sessions.SessionsJob;
import io.wearflow.jobs.timeframe.TimeframeJob;
import io.wearflow.jobs.userday.UserDayJob;
import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import io.wearflow.schemas.samples.Sample;
import io.wearflow.schemas.sessions.Session;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of wearflow on one machine, behind {@code ./wearflow up}: a Kafka broker, the schema
 * registry, PostgreSQL (migrated), a Flink MiniCluster running the jobs, and the HTTP edge, all on
 * loopback with their data under one directory, so that stopping and starting again resumes where
 * it stopped. Servers given by an external address in the configuration are used instead of started
 * (cluster mode). Also usable in-process from tests: {@link #start(WearflowConfig)} and {@link
 * #close()}.
 *
 * <p>Start-up order: the registry (a child JVM, the slowest) and PostgreSQL start in the background
 * while the broker starts and the topics are created; then the migrations, the Flink jobs and the
 * HTTP server. Close stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {

  /** The job that turns samples into user-day buckets; also its checkpoint directory's name. */
  public static final String USER_DAY_JOB = UserDayJob.NAME;

  /** The job that writes session upserts to the sessions table. */
  public static final String SESSIONS_JOB = SessionsJob.NAME;

  /** Name of the timeframe job (live match metrics), also its checkpoint directory's name. */
  public static final String TIMEFRAME_JOB = TimeframeJob.NAME;

  /** Name of the activity job (uploaded activity files), also its checkpoint directory's name. */
  public static final String ACTIVITY_JOB = ActivityJob.NAME;

  /** The line {@link #main} prints once everything is up; scripts wait for it. */
  public static final String READY_LINE = "wearflow is ready";

  /** Logger whose messages go to the log file only (stack traces of start-up failures). */
  static final String FAILURE_LOG = "wearflow.failures";

  /** The account created on first start with {@code admin.password}. */
  public static final String ADMIN_USERNAME = "admin";

  /** Secret file of the generated admin password (when none is configured). */
  static final String ADMIN_PASSWORD_SECRET = "admin-password";

  /** Secret file of the generated token signing key (when none is configured). */
  static final String TOKEN_KEY_SECRET = "token-signing-key";

  private final WearflowConfig config;
  private final LocalSecrets secrets;
  private final Deque<Resource> resources = new ArrayDeque<>();
  private boolean closed;
  private volatile StackEndpoints endpoints;
  private volatile Database database;
  private volatile LocalFlinkCluster flink;
  private boolean dataDirLocked;
  private boolean adminPasswordGenerated;

  private record Resource(String name, AutoCloseable closeable) {}

  private LocalStack(WearflowConfig config) {
    this.config = config;
    this.secrets = new LocalSecrets(config.secretsDir());
  }

  /**
   * Starts every part of the stack and returns once all are ready; on failure, whatever had started
   * is stopped again before the exception is thrown.
   */
  public static LocalStack start(WearflowConfig config) throws Exception {
    LocalStack stack = new LocalStack(config);
    stack.boot();
    return stack;
  }

  /** Where the parts of the stack can be reached. */
  public StackEndpoints endpoints() {
    return endpoints;
  }

  /** The configuration the stack was started with. */
  public WearflowConfig config() {
    return config;
  }

  /** The migrated database's connection pool. */
  public Database database() {
    return database;
  }

  /** The Flink cluster running the jobs, empty when {@code flink.enabled=false}. */
  public Optional<LocalFlinkCluster> flink() {
    return Optional.ofNullable(flink);
  }

  private void boot() throws Exception {
    Logger log = log();
    long started = System.nanoTime();
    lockDataDir();
    Files.createDirectories(config.exportsDir());
    CompletableFuture<String> registryUrl = startRegistry();
    CompletableFuture<PostgresConfig> postgres = startPostgres();
    try {
      String bootstrapServers = startKafka();
      if (config.flink().enabled()) {
        // Starts while the registry is still coming up; the jobs are submitted once it is.
        flink =
            register(
                "Flink MiniCluster",
                LocalFlinkCluster.start(
                    config.dataDir().resolve("flink-work"),
                    config.flink().uiPort(),
                    config.flink().taskSlots(),
                    config.flink().parallelism()));
      }
      PostgresConfig postgresConfig = await(postgres);
      database = register("database pool", Database.connect(postgresConfig));
      endpoints =
          new StackEndpoints(
              bootstrapServers,
              SchemaRegistryConfig.of(await(registryUrl)),
              postgresConfig,
              config.exportsDir(),
              Optional.empty(),
              Optional.empty());
      if (flink != null) {
        endpoints = endpoints.withFlinkWebUiUrl(flink.webUiUrl());
        startJobs(flink, endpoints);
      }
      Optional<String> httpUrl = startHttp(endpoints, database);
      if (httpUrl.isPresent()) {
        endpoints = endpoints.withHttpUrl(httpUrl.get());
      }
    } catch (Exception | Error e) {
      // Let the background starts finish so that nothing they start is left running.
      registryUrl.handle((url, error) -> null).join();
      postgres.handle((pg, error) -> null).join();
      close();
      throw e;
    }
    log.info(
        "Local stack started in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** Takes the data directory for this stack (once); fails if another stack is using it. */
  private void lockDataDir() throws Exception {
    if (!dataDirLocked) {
      register("data directory lock", DataDirLock.acquire(config.dataDir()));
      dataDirLocked = true;
    }
  }

  /**
   * Plug point for the Flink jobs: builds each job's pipeline on the MiniCluster, resuming from its
   * checkpoints under {@code <data dir>/checkpoints/<job>/}.
   */
  private void startJobs(LocalFlinkCluster flink, StackEndpoints endpoints) throws Exception {
    Configuration options = new Configuration();
    options.set(UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS, endpoints.kafkaBootstrapServers());
    options.set(UserDayJobOptions.SCHEMA_REGISTRY_URL, endpoints.registry().url());
    options.set(UserDayJobOptions.JDBC_URL, endpoints.postgres().jdbcUrl());
    options.set(UserDayJobOptions.JDBC_USER, endpoints.postgres().username());
    if (endpoints.postgres().password() != null && !endpoints.postgres().password().isEmpty()) {
      options.set(UserDayJobOptions.JDBC_PASSWORD, endpoints.postgres().password());
    }
    options.set(UserDayJobOptions.EXPORTS_BASE_DIR, endpoints.exportsDir().toUri().toString());
    UserDayJob userDay = UserDayJob.fromConfiguration(options);
    flink.submit(
        USER_DAY_JOB,
        userDay::addTo,
        config.checkpointsDir(USER_DAY_JOB),
        config.flink().checkpointInterval());
    flink.submit(
        SESSIONS_JOB,
        SessionsJob.fromConfiguration(options)::addTo,
        config.checkpointsDir(SESSIONS_JOB),
        config.flink().checkpointInterval());
    flink.submit(
        TIMEFRAME_JOB,
        TimeframeJob.fromConfiguration(options)::addTo,
        config.checkpointsDir(TIMEFRAME_JOB),
        config.flink().checkpointInterval());
    flink.submit(
        ACTIVITY_JOB,
        ActivityJob.fromConfiguration(options)::addTo,
        config.checkpointsDir(ACTIVITY_JOB),
        config.flink().checkpointInterval());
  }

  /**
   * Plug point for the HTTP edge: starts it on {@code http.host:http.port} against the stack's
   * Kafka, registry and database, after creating the admin account on first start.
   *
   * @return the HTTP API's base URL, empty when no HTTP edge was started
   */
  private Optional<String> startHttp(StackEndpoints endpoints, Database database) throws Exception {
    WearflowConfig.Http http = config.http();
    AccountStore accounts = new AccountStore(database.dataSource());
    if (accounts.findByUsername(ADMIN_USERNAME).isEmpty()) {
      adminPasswordGenerated =
          config.http().adminPassword().isEmpty() && !secrets.exists(ADMIN_PASSWORD_SECRET);
      PasswordHasher hasher = new PasswordHasher(http.api().auth().bcryptCost());
      accounts.ensureAdmin(ADMIN_USERNAME, hasher.hash(adminPassword()));
      log().info("Created the {} account", ADMIN_USERNAME);
    }
    String encodedKey =
        http.tokenKey().isPresent()
            ? http.tokenKey().get()
            : secrets.getOrCreate(TOKEN_KEY_SECRET, 32);
    byte[] tokenKey = Base64.getUrlDecoder().decode(encodedKey.replace('+', '-').replace('/', '_'));
    KafkaSamplePublisher publisher =
        register(
            "sample publisher",
            new KafkaSamplePublisher(
                endpoints.kafkaBootstrapServers(),
                http.api().kafka().samplesTopic(),
                new ConfluentAvroSerializer<>(
                    new SchemaRegistryClient(endpoints.registry()),
                    Topics.SAMPLES.valueSubject(),
                    Sample.class),
                http.api().kafka().publishTimeout()));
    KafkaSessionPublisher sessionPublisher =
        register(
            "session publisher",
            new KafkaSessionPublisher(
                endpoints.kafkaBootstrapServers(),
                Topics.SESSIONS.name(),
                new ConfluentAvroSerializer<>(
                    new SchemaRegistryClient(endpoints.registry()),
                    Topics.SESSIONS.valueSubject(),
                    Session.class),
                http.api().kafka().publishTimeout()));
    KafkaTrackingPublisher trackingPublisher =
        register(
            "tracking publisher",
            new KafkaTrackingPublisher(
                endpoints.kafkaBootstrapServers(),
                Topics.TRACKING.name(),
                new ConfluentAvroSerializer<>(
                    new SchemaRegistryClient(endpoints.registry()),
                    Topics.TRACKING.valueSubject(),
                    TrackingFrame.class),
                http.api().kafka().publishTimeout()));
    KafkaActivityPublisher activityPublisher =
        register(
            "activity publisher",
            new KafkaActivityPublisher(
                endpoints.kafkaBootstrapServers(),
                Topics.ACTIVITY_RECORDS.name(),
                new ConfluentAvroSerializer<>(
                    new SchemaRegistryClient(endpoints.registry()),
                    Topics.ACTIVITY_RECORDS.valueSubject(),
                    ActivityRecord.class),
                Topics.ACTIVITIES.name(),
                new ConfluentAvroSerializer<>(
                    new SchemaRegistryClient(endpoints.registry()),
                    Topics.ACTIVITIES.valueSubject(),
                    UploadedActivity.class),
                http.api().kafka().publishTimeout()));
    TimeframeOutboxRelay relay =
        register(
            "timeframe outbox relay",
            TimeframeOutboxRelay.create(
                database.dataSource(),
                endpoints.kafkaBootstrapServers(),
                Topics.TIMEFRAMES.name(),
                new ConfluentAvroSerializer<>(
                    new SchemaRegistryClient(endpoints.registry()),
                    Topics.TIMEFRAMES.valueSubject(),
                    TimeframeDefinition.class),
                TimeframeOutboxRelay.Settings.DEFAULTS));
    relay.start();
    WebhookDispatcher webhooks =
        register(
            "webhook dispatcher",
            new WebhookDispatcher(
                new WebhookDeliveryQueue(database.dataSource()),
                WebhookDispatcher.Settings.DEFAULT));
    webhooks.start();
    Javalin app =
        HttpApp.create(
            HttpDependencies.of(
                    database.dataSource(), publisher, tokenKey, Clock.systemUTC(), http.api())
                .withSessions(sessionPublisher, new SessionStore(database.dataSource())::list)
                .withDevices(Devices.of(new DeviceStore(database.dataSource())), trackingPublisher)
                .withActivityUploads(
                    ActivityFiles.of(new ActivityFileStore(database.dataSource())),
                    activityPublisher));
    register("HTTP server", app::stop);
    app.start(http.host(), http.port());
    String host = "0.0.0.0".equals(http.host()) ? "127.0.0.1" : http.host();
    return Optional.of("http://" + host + ":" + app.port());
  }

  /** The configured admin password, or the one generated into the secrets directory. */
  String adminPassword() throws IOException {
    Optional<String> configured = config.http().adminPassword();
    return configured.isPresent()
        ? configured.get()
        : secrets.getOrCreate(ADMIN_PASSWORD_SECRET, 18);
  }

  private CompletableFuture<String> startRegistry() throws Exception {
    Optional<String> external = config.registry().externalUrl();
    if (external.isPresent()) {
      return CompletableFuture.completedFuture(external.get());
    }
    CompletableFuture<ApicurioRegistryProcess> started =
        inBackground(
            "wearflow-start-registry",
            () -> ApicurioRegistryProcess.start(config.registryDir(), config.registry().port()));
    register("schema registry", () -> closeOnceStarted(started));
    return started.thenApply(ApicurioRegistryProcess::confluentUrl);
  }

  private CompletableFuture<PostgresConfig> startPostgres() throws Exception {
    WearflowConfig.Postgres postgres = config.postgres();
    if (postgres.externalJdbcUrl().isPresent()) {
      return CompletableFuture.completedFuture(
          new PostgresConfig(
              postgres.externalJdbcUrl().get(), postgres.username(), postgres.password()));
    }
    CompletableFuture<EmbeddedPostgresServer> started =
        inBackground(
            "wearflow-start-postgres",
            () -> EmbeddedPostgresServer.start(config.postgresDir(), postgres.port()));
    register("PostgreSQL", () -> closeOnceStarted(started));
    return started.thenApply(EmbeddedPostgresServer::postgresConfig);
  }

  /**
   * Stops a server started in the background once its start has ended. Background servers are
   * registered when their start begins, so that {@link #close()} stops them after everything
   * started later (the jobs' last checkpoint still needs PostgreSQL and the registry).
   */
  private static void closeOnceStarted(CompletableFuture<? extends AutoCloseable> start)
      throws Exception {
    AutoCloseable server = start.handle((started, error) -> started).join();
    if (server != null) {
      server.close();
    }
  }

  private String startKafka() throws Exception {
    Map<String, Map<String, String>> topics = new LinkedHashMap<>();
    for (Topic<?> topic : Topics.ALL) {
      topics.put(topic.name(), topic.topicConfig());
    }
    int partitions = config.kafka().topicPartitions();
    Optional<String> external = config.kafka().externalBootstrapServers();
    if (external.isPresent()) {
      try {
        EmbeddedKafkaBroker.createTopics(external.get(), topics, partitions);
      } catch (RuntimeException e) {
        log().warn("Cannot create the topics on {}: {}", external.get(), e.getMessage());
      }
      return external.get();
    }
    EmbeddedKafkaBroker broker =
        register(
            "Kafka broker",
            EmbeddedKafkaBroker.start(
                config.kafkaDir(), config.kafka().port(), config.kafka().controllerPort()));
    EmbeddedKafkaBroker.createTopics(broker.bootstrapServers(), topics, partitions);
    return broker.bootstrapServers();
  }

  /**
   * Adds a started part to the parts closed by {@link #close()}; if the stack is already closing,
   * closes it at once and fails the start-up.
   */
  private <T extends AutoCloseable> T register(String name, T closeable) throws Exception {
    synchronized (resources) {
      if (!closed) {
        resources.push(new Resource(name, closeable));
        return closeable;
      }
    }
    closeable.close();
    throw new IllegalStateException("stack closed while starting " + name);
  }

  /** Stops everything that was started, the last started first. Idempotent. */
  @Override
  public void close() {
    Logger log = log();
    long started = System.nanoTime();
    while (true) {
      Resource resource;
      synchronized (resources) {
        closed = true;
        resource = resources.poll();
      }
      if (resource == null) {
        break;
      }
      try {
        resource.closeable().close();
      } catch (Exception e) {
        log.warn("Stopping the {} failed", resource.name(), e);
      }
    }
    log.info(
        "Local stack stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** {@code ./wearflow up}: starts the stack from the environment's configuration. */
  public static void main(String[] args) {
    WearflowConfig config;
    try {
      config = ConfigLoader.fromEnvironment();
    } catch (ConfigException e) {
      System.err.println("wearflow: invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    LocalStack stack = new LocalStack(config);
    try {
      // Before logging starts: a second stack must not roll the first one's log file.
      stack.lockDataDir();
    } catch (Exception e) {
      System.err.println("wearflow: " + e.getMessage());
      System.exit(1);
      return;
    }
    // Must be set before the first logger exists: log4j2.xml writes the full log there.
    System.setProperty(LocalFlinkCluster.LOG_DIR_PROPERTY, config.logsDir().toString());
    // Where Flink's Web UI finds the JobManager log.
    System.setProperty("log.file", config.logsDir().resolve("wearflow.log").toString());
    Logger log = log();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("Stopping wearflow");
                  stack.close();
                  stopped.countDown();
                  LogManager.shutdown();
                },
                "wearflow-shutdown"));
    try {
      stack.boot();
    } catch (Exception | Error e) {
      log.error("wearflow failed to start: {}", messages(e));
      LoggerFactory.getLogger(FAILURE_LOG).error("wearflow failed to start", e);
      System.exit(1);
      return;
    }
    try {
      printBanner(stack, System.out);
    } catch (IOException e) {
      log.error("Cannot read the admin password", e);
      System.exit(1);
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The messages of an exception and its causes, without repeats: "what: why: root cause". */
  static String messages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
      if (text.indexOf(message) < 0) {
        text.append(text.length() == 0 ? "" : ": ").append(message);
      }
    }
    return text.toString();
  }

  private static void printBanner(LocalStack stack, PrintStream out) throws IOException {
    StackEndpoints e = stack.endpoints();
    WearflowConfig config = stack.config();
    out.println();
    out.println("wearflow local stack (data in " + config.dataDir() + ")");
    line(out, "HTTP API", e.httpUrl().orElse("(not running)"));
    line(out, "Flink Web UI", e.flinkWebUiUrl().orElse("(not running)"));
    line(out, "Schema registry", e.registry().url());
    line(out, "Kafka bootstrap", e.kafkaBootstrapServers());
    line(out, "PostgreSQL", e.postgres().jdbcUrl() + " (user " + e.postgres().username() + ")");
    line(out, "Parquet exports", e.exportsDir().toString());
    if (stack.adminPasswordGenerated) {
      // Shown this once; later starts only say where it is kept.
      line(
          out,
          "Admin account",
          "user "
              + ADMIN_USERNAME
              + ", generated password "
              + stack.adminPassword()
              + " (kept in "
              + stack.secrets.file(ADMIN_PASSWORD_SECRET)
              + ")");
    } else if (config.http().adminPassword().isEmpty()) {
      line(
          out,
          "Admin account",
          "user " + ADMIN_USERNAME + ", password in " + stack.secrets.file(ADMIN_PASSWORD_SECRET));
    }
    line(out, "Logs", config.logsDir().resolve("wearflow.log").toString());
    out.println(READY_LINE);
    out.flush();
  }

  private static void line(PrintStream out, String label, String value) {
    out.printf("  %-17s %s%n", label, value);
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private interface Starter<T> {
    T start() throws Exception;
  }

  private static <T> CompletableFuture<T> inBackground(String threadName, Starter<T> starter) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                future.complete(starter.start());
              } catch (Throwable t) {
                future.completeExceptionally(t);
              }
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  /** Not a static field: the log directory must be known before log4j starts. */
  private static Logger log() {
    return LoggerFactory.getLogger(LocalStack.class);
  }
}
