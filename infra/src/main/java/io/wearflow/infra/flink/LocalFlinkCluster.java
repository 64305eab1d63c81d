package io.wearflow.infra.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-lived Flink MiniCluster (one JobManager, one TaskManager) with the Web UI, running
 * wearflow's jobs inside this JVM. Each job is submitted with exactly-once checkpoints retained in
 * its own checkpoint directory and resumes from the newest one, so stopping and starting the local
 * stack neither loses nor repeats results. On close, each running job takes a last checkpoint (best
 * effort) and is cancelled.
 */
public final class LocalFlinkCluster implements AutoCloseable {

  /** System property naming the log directory ({@code LocalStack} sets it). */
  public static final String LOG_DIR_PROPERTY = "wearflow.log.dir";

  private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkCluster.class);
  private static final Duration FINAL_CHECKPOINT_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration REST_READY_TIMEOUT = Duration.ofSeconds(30);

  private final MiniCluster miniCluster;
  private final int defaultParallelism;
  private final String webUiUrl;
  private final Map<JobID, String> jobs = new LinkedHashMap<>();
  private boolean closed;

  private LocalFlinkCluster(MiniCluster miniCluster, int defaultParallelism, String webUiUrl) {
    this.miniCluster = miniCluster;
    this.defaultParallelism = defaultParallelism;
    this.webUiUrl = webUiUrl;
  }

  /**
   * Starts the cluster (about 1-2 s).
   *
   * @param workDir scratch space (blobs, spill files), emptied at start; not the checkpoints
   * @param restPort Web UI and REST port on 127.0.0.1, 0 = any free port
   * @param taskSlots slots of the TaskManager (each job needs as many as its parallelism)
   * @param defaultParallelism parallelism of submitted jobs
   */
  public static LocalFlinkCluster start(
      Path workDir, int restPort, int taskSlots, int defaultParallelism) throws Exception {
    Path dir = workDir.toAbsolutePath().normalize();
    deleteRecursively(dir);
    Files.createDirectories(dir.resolve("tmp"));
    Files.createDirectories(dir.resolve("blobs"));

    Configuration config = new Configuration();
    config.set(RestOptions.ADDRESS, "127.0.0.1");
    config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    config.set(RestOptions.BIND_PORT, String.valueOf(restPort));
    config.set(TaskManagerOptions.NUM_TASK_SLOTS, taskSlots);
    config.set(CoreOptions.TMP_DIRS, dir.resolve("tmp").toString());
    config.set(BlobServerOptions.STORAGE_DIRECTORY, dir.resolve("blobs").toString());
    String logDir = System.getProperty(LOG_DIR_PROPERTY);
    if (logDir != null) {
      // Lets the Web UI show the JobManager log.
      config.set(WebOptions.LOG_PATH, Path.of(logDir, "wearflow.log").toString());
    }
    // Hadoop's delegation tokens are for secured YARN clusters; on Java 21+ they fail to load.
    config.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, false);

    long started = System.nanoTime();
    MiniCluster miniCluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(taskSlots)
                .build());
    try {
      miniCluster.start();
    } catch (Exception e) {
      miniCluster.close();
      throw e;
    }
    String url;
    try {
      url = miniCluster.getRestAddress().get(30, TimeUnit.SECONDS).toString();
      awaitRestApi(url);
    } catch (Exception e) {
      miniCluster.close();
      throw e;
    }
    LOG.info(
        "Flink MiniCluster ({} slots, Web UI {}) started in {} ms",
        taskSlots,
        url,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return new LocalFlinkCluster(miniCluster, defaultParallelism, url);
  }

  /** The Web UI and REST API, e.g. {@code http://127.0.0.1:8082}. */
  public String webUiUrl() {
    return webUiUrl;
  }

  /** The underlying MiniCluster, for tests that need more control. */
  public MiniCluster miniCluster() {
    return miniCluster;
  }

  /**
   * Builds a job and submits it, resuming from the newest completed checkpoint under {@code
   * checkpointDir} if there is one (all of its state must map to the new job's operators, which is
   * why every operator has a stable uid).
   *
   * @param jobName name shown in the Web UI
   * @param pipeline adds the job's sources, operators and sinks to the environment
   * @param checkpointDir where the job's checkpoints are kept (created if missing)
   * @param interval time between checkpoints
   * @return the running job's id
   */
  public synchronized JobID submit(
      String jobName,
      Consumer<StreamExecutionEnvironment> pipeline,
      Path checkpointDir,
      Duration interval)
      throws Exception {
    if (closed) {
      throw new IllegalStateException("cluster is closed");
    }
    Path dir = checkpointDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);

    Configuration jobConfig = new Configuration();
    jobConfig.set(PipelineOptions.NAME, jobName);
    jobConfig.set(CoreOptions.DEFAULT_PARALLELISM, defaultParallelism);
    jobConfig.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
    jobConfig.set(
        CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    jobConfig.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    jobConfig.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
    jobConfig.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(jobConfig);
    pipeline.accept(env);

    JobGraph jobGraph = env.getStreamGraph().getJobGraph();
    Optional<Path> restoreFrom = RetainedCheckpoints.latest(dir);
    if (restoreFrom.isPresent()) {
      jobGraph.setSavepointRestoreSettings(
          SavepointRestoreSettings.forPath(restoreFrom.get().toUri().toString(), false));
      List<Path> pruned = RetainedCheckpoints.pruneRunsOtherThan(dir, restoreFrom.get());
      LOG.info("Job {} resumes from checkpoint {}", jobName, restoreFrom.get());
      LOG.debug("Pruned older checkpoint directories {}", pruned);
    } else {
      LOG.info("Job {} starts without a checkpoint (none in {})", jobName, dir);
    }
    JobID jobId = miniCluster.submitJob(jobGraph).get(60, TimeUnit.SECONDS).getJobID();
    jobs.put(jobId, jobName);
    LOG.info("Submitted job {} ({})", jobName, jobId);
    return jobId;
  }

  /** The status of a submitted job. */
  public JobStatus status(JobID jobId) throws Exception {
    return miniCluster.getJobStatus(jobId).get(10, TimeUnit.SECONDS);
  }

  /**
   * Takes a checkpoint of a running job now and waits for it to complete.
   *
   * @return the checkpoint's location
   */
  public String checkpoint(JobID jobId, Duration timeout) throws Exception {
    return miniCluster.triggerCheckpoint(jobId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops a job: a last checkpoint if it is running (best effort, so a restart loses nothing and
   * redoes little), then cancellation, which keeps its checkpoints.
   */
  public synchronized void stop(JobID jobId) {
    String name = jobs.remove(jobId);
    try {
      if (status(jobId) == JobStatus.RUNNING) {
        String location = checkpoint(jobId, FINAL_CHECKPOINT_TIMEOUT);
        LOG.info("Job {} took a final checkpoint {}", name, location);
      }
    } catch (Exception e) {
      LOG.warn("Job {} could not take a final checkpoint: {}", name, rootMessage(e));
    }
    try {
      if (!status(jobId).isGloballyTerminalState()) {
        miniCluster.cancelJob(jobId).get(CANCEL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        miniCluster.requestJobResult(jobId).get(CANCEL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
      LOG.info("Job {} stopped", name);
    } catch (Exception e) {
      LOG.warn("Job {} could not be cancelled cleanly: {}", name, rootMessage(e));
    }
  }

  @Override
  public synchronized void close() throws Exception {
    if (closed) {
      return;
    }
    for (JobID jobId : new ArrayList<>(jobs.keySet())) {
      stop(jobId);
    }
    closed = true;
    long started = System.nanoTime();
    miniCluster.close();
    LOG.info(
        "Flink MiniCluster stopped in {} ms",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** The REST API answers 503 until the JobManager's leader election is done. */
  private static void awaitRestApi(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest overview =
        HttpRequest.newBuilder(URI.create(url + "/overview"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + REST_READY_TIMEOUT.toNanos();
    int status = -1;
    while (System.nanoTime() < deadline) {
      status = client.send(overview, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 200) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "Flink's REST API at " + url + " answered " + status + " for " + REST_READY_TIMEOUT);
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot empty " + dir, e);
    }
  }
}
