package io.wearflow.infra.cluster;

import io.wearflow.infra.net.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Flink session cluster on loopback: one JobManager ({@value #JOB_MANAGER}) and one
 * TaskManager ({@value #TASK_MANAGER}), each a child JVM started the way Flink's {@code
 * jobmanager.sh} and {@code taskmanager.sh} start them: a {@code config.yaml} in a configuration
 * directory, JVM memory flags and dynamic memory settings derived from it by Flink's own process
 * memory model, and the classpath of a Flink distribution. Jobs are submitted as a real deployment
 * submits them, through the REST API ({@link #rest()}), so the cluster only ever sees the jobs jar.
 *
 * <p>Tuned for start-up on a small machine, not for throughput (serial GC, C1 compiler only).
 * Memory defaults suit a 2-core, 8 GB machine: the JobManager about 0.5 GB (256 MB heap), the
 * TaskManager about 0.8 GB (384 MB heap, 128 MB managed memory for RocksDB, 32 MB network buffers).
 * Logs go to {@code <workDir>/log/}.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {

  static final String JOB_MANAGER =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  /**
   * The JVM options Flink's distribution passes to every Flink JVM on Java 17 ({@code
   * env.java.default-opts.all} of its {@code config.yaml}): Kryo and Pekko reflect into these
   * packages.
   */
  static final List<String> JAVA_17_OPTIONS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneFlinkCluster.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private final Path workDir;
  private final FlinkRestClient rest;
  private final List<Process> processes;
  private final Thread shutdownHook;
  private boolean closed;

  private StandaloneFlinkCluster(Path workDir, FlinkRestClient rest, List<Process> processes) {
    this.workDir = workDir;
    this.rest = rest;
    this.processes = processes;
    this.shutdownHook = new Thread(this::stopProcesses, "standalone-flink-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The settings a cluster on a small machine starts with; {@code start}'s settings override. */
  static Map<String, String> defaults(Path workDir, int restPort, int rpcPort, int taskSlots) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("jobmanager.rpc.address", "127.0.0.1");
    config.put("jobmanager.rpc.port", Integer.toString(rpcPort));
    config.put("jobmanager.bind-host", "127.0.0.1");
    config.put("rest.address", "127.0.0.1");
    config.put("rest.bind-address", "127.0.0.1");
    config.put("rest.port", Integer.toString(restPort));
    // The jobs jar (Kafka, Parquet, Hadoop, JDBC inside) is about 90 MB; the default limit is 100.
    config.put("rest.server.max-content-length", Integer.toString(256 * 1024 * 1024));
    config.put("taskmanager.host", "127.0.0.1");
    config.put("taskmanager.bind-host", "127.0.0.1");
    config.put("taskmanager.numberOfTaskSlots", Integer.toString(taskSlots));
    config.put("jobmanager.memory.heap.size", "256m");
    config.put("jobmanager.memory.off-heap.size", "64m");
    config.put("jobmanager.memory.jvm-metaspace.size", "192m");
    config.put("taskmanager.memory.framework.heap.size", "128m");
    config.put("taskmanager.memory.task.heap.size", "256m");
    config.put("taskmanager.memory.managed.size", "128m");
    config.put("taskmanager.memory.network.min", "32m");
    config.put("taskmanager.memory.network.max", "32m");
    config.put("taskmanager.memory.jvm-metaspace.size", "192m");
    config.put("io.tmp.dirs", workDir.resolve("tmp").toString());
    config.put("web.tmpdir", workDir.resolve("web").toString());
    config.put("web.upload.dir", workDir.resolve("uploads").toString());
    config.put("blob.storage.directory", workDir.resolve("blobs").toString());
    return config;
  }

  /**
   * Starts the JobManager and the TaskManager and waits until the TaskManager has registered its
   * slots (about 5-10 s on 2 cores).
   *
   * @param workDir configuration, logs and scratch space of the cluster (created if missing)
   * @param classpath the jars of a Flink distribution (Flink's runtime, its dependencies, logging),
   *     not the jobs: they come in the jar submitted through {@link #rest()}
   * @param taskSlots slots of the TaskManager
   * @param settings Flink settings written to {@code config.yaml} over the defaults (e.g. {@code
   *     state.backend.type}, {@code execution.checkpointing.dir})
   */
  public static StandaloneFlinkCluster start(
      Path workDir, List<Path> classpath, int taskSlots, Map<String, String> settings)
      throws IOException {
    Path dir = workDir.toAbsolutePath().normalize();
    Path confDir = Files.createDirectories(dir.resolve("conf"));
    Path logDir = Files.createDirectories(dir.resolve("log"));
    for (String sub : List.of("tmp", "web", "uploads", "blobs")) {
      Files.createDirectories(dir.resolve(sub));
    }
    int restPort = FreePorts.orUnused(0);
    int rpcPort = FreePorts.orUnused(0);
    Map<String, String> config = defaults(dir, restPort, rpcPort, taskSlots);
    config.putAll(settings);
    Files.writeString(confDir.resolve("config.yaml"), yaml(config), StandardCharsets.UTF_8);
    Path log4j = confDir.resolve("log4j.properties");
    Files.writeString(log4j, LOG4J, StandardCharsets.UTF_8);

    Configuration flinkConfig = Configuration.fromMap(config);
    JobManagerProcessSpec jobManager = JobManagerProcessUtils.processSpecFromConfig(flinkConfig);
    TaskExecutorProcessSpec taskManager =
        TaskExecutorProcessUtils.processSpecFromConfig(flinkConfig);
    String path = classpath.stream().map(Path::toString).collect(Collectors.joining(":"));

    long started = System.nanoTime();
    List<Process> processes = new ArrayList<>();
    StandaloneFlinkCluster cluster = null;
    try {
      processes.add(
          launch(
              "jobmanager",
              JOB_MANAGER,
              JobManagerProcessUtils.generateJvmParametersStr(jobManager, flinkConfig),
              JobManagerProcessUtils.generateDynamicConfigsStr(jobManager),
              path,
              confDir,
              logDir,
              log4j));
      processes.add(
          launch(
              "taskmanager",
              TASK_MANAGER,
              ProcessMemoryUtils.generateJvmParametersStr(taskManager),
              TaskExecutorProcessUtils.generateDynamicConfigsStr(taskManager),
              path,
              confDir,
              logDir,
              log4j));
      cluster =
          new StandaloneFlinkCluster(
              dir, new FlinkRestClient("http://127.0.0.1:" + restPort), processes);
      cluster.awaitSlots(taskSlots);
    } catch (IOException | RuntimeException e) {
      if (cluster != null) {
        cluster.close();
      } else {
        processes.forEach(StandaloneFlinkCluster::stop);
      }
      throw e;
    }
    LOG.info(
        "Standalone Flink cluster (JobManager pid {}, TaskManager pid {}) on {} started in {} ms,"
            + " logs in {}",
        processes.get(0).pid(),
        processes.get(1).pid(),
        cluster.rest().baseUrl(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        logDir);
    return cluster;
  }

  /** The cluster's REST API (and Web UI) client. */
  public FlinkRestClient rest() {
    return rest;
  }

  /** The directory of the cluster's configuration ({@code conf/}), logs ({@code log/}) and data. */
  public Path workDir() {
    return workDir;
  }

  /** Stops both JVMs: SIGTERM, then SIGKILL after 15 s. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopProcesses();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
    LOG.info("Standalone Flink cluster on {} stopped", rest.baseUrl());
  }

  private void stopProcesses() {
    // TaskManager first, so that the JobManager does not restart tasks elsewhere.
    for (int i = processes.size() - 1; i >= 0; i--) {
      stop(processes.get(i));
    }
  }

  private static Process launch(
      String name,
      String mainClass,
      String jvmParameters,
      String dynamicConfigs,
      String classpath,
      Path confDir,
      Path logDir,
      Path log4j)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(split(jvmParameters));
    command.add("-XX:+UseSerialGC");
    // C1 only: both JVMs start about a third faster on 2 cores; a loopback cluster is for proving
    // the deployment path, not for throughput.
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(JAVA_17_OPTIONS);
    command.add("-Dlog.file=" + logDir.resolve(name + ".log"));
    command.add("-Dlog4j.configurationFile=" + log4j.toUri());
    command.add("-classpath");
    command.add(classpath);
    command.add(mainClass);
    command.add("--configDir");
    command.add(confDir.toString());
    command.addAll(split(dynamicConfigs));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(logDir.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(logDir.resolve(name + ".out").toFile()));
    builder.environment().put("FLINK_CONF_DIR", confDir.toString());
    return builder.start();
  }

  private void awaitSlots(int taskSlots) throws IOException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < processes.size(); i++) {
        Process process = processes.get(i);
        if (!process.isAlive()) {
          String name = i == 0 ? "jobmanager" : "taskmanager";
          throw new IllegalStateException(
              "The Flink "
                  + name
                  + " exited with code "
                  + process.exitValue()
                  + " during start-up; see "
                  + workDir.resolve("log")
                  + ":\n"
                  + tail(workDir.resolve("log").resolve(name + ".log"))
                  + tail(workDir.resolve("log").resolve(name + ".out")));
        }
      }
      try {
        var overview = rest.overview();
        last = overview.toString();
        if (overview.path("slots-total").asInt() >= taskSlots) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the Flink cluster", e);
      }
    }
    throw new IllegalStateException(
        "The Flink cluster did not offer "
            + taskSlots
            + " slots within "
            + READY_TIMEOUT.toSeconds()
            + " s (last answer: "
            + last
            + "); see "
            + workDir.resolve("log"));
  }

  /** Flat {@code key: 'value'} lines; Flink 2's YAML parser accepts dotted keys at top level. */
  static String yaml(Map<String, String> config) {
    StringBuilder yaml = new StringBuilder();
    config.forEach(
        (key, value) ->
            yaml.append(key).append(": '").append(value.replace("'", "''")).append("'\n"));
    return yaml.toString();
  }

  private static List<String> split(String parameters) {
    return Arrays.stream(parameters.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Flink process {} did not stop in {}, killing it", process.pid(), STOP_TIMEOUT);
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static String tail(Path log) {
    try {
      if (!Files.exists(log)) {
        return "";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")\n";
    }
  }

  /** Flink's own log4j layout, to the file Flink names in {@code log.file}. */
  private static final String LOG4J =
      """
      monitorInterval = 0
      rootLogger.level = INFO
      rootLogger.appenderRef.file.ref = MainAppender
      logger.kafka.name = org.apache.kafka
      logger.kafka.level = WARN
      logger.hadoop.name = org.apache.hadoop
      logger.hadoop.level = WARN
      appender.main.name = MainAppender
      appender.main.type = File
      appender.main.fileName = ${sys:log.file}
      appender.main.layout.type = PatternLayout
      appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
      """;
}
