package io.wearflow.infra.soak;

import io.wearflow.http.samples.SampleRecordMapper;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.client.WearflowClient;
import io.wearflow.infra.client.WearflowClient.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./wearflow soak} (see {@link SoakOptions#USAGE}): streams samples through the HTTP edge of
 * a local stack that is killed with SIGKILL at intervals, then checks that the user_day table and
 * the Parquet exports equal the ground truth. Exit status 0 when they do, 1 otherwise.
 */
public final class SoakCommand {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  private static final Duration MIN_UPTIME_BEFORE_KILL = Duration.ofSeconds(10);
  private static final int SENDERS = 2;
  private static final String PASSWORD = "soak-password-1";

  private final SoakOptions options;
  private final PrintStream out;
  private final Path dataDir;
  private final long startNanos = System.nanoTime();
  private final BatchLedger ledger;
  private final AtomicInteger kills = new AtomicInteger();
  private final AtomicInteger starts = new AtomicInteger();
  private volatile StackProcess stack;
  private volatile boolean stackUp;
  private volatile String phase = "starting";
  private volatile String lastError = "";
  private volatile boolean stopping;
  private volatile WearflowClient client;
  private final List<String> usernames = new ArrayList<>();
  private volatile String[] tokens;

  SoakCommand(SoakOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.dataDir = options.dataDir().toAbsolutePath();
    this.ledger =
        new BatchLedger(new Random(options.seed()), options.duplicateShare(), 1_000, 20_000);
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(SoakOptions.USAGE);
      return;
    }
    SoakOptions options;
    try {
      options = SoakOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("wearflow soak: " + e.getMessage());
      System.err.println();
      System.err.print(SoakOptions.USAGE);
      System.exit(2);
      return;
    }
    SoakCommand soak = new SoakCommand(options, System.out);
    Thread hook = new Thread(soak::stopStack, "soak-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean passed;
    try {
      passed = soak.run();
    } catch (Exception e) {
      System.out.println("SOAK FAIL error=" + Messages.of(e));
      passed = false;
    }
    soak.stopStack();
    System.exit(passed ? 0 : 1);
  }

  /** Runs the soak; true when it passed. */
  boolean run() throws Exception {
    if (Files.exists(dataDir.resolve("wearflow.properties"))
        || Files.exists(dataDir.resolve("kafka"))) {
      throw new IllegalArgumentException(dataDir + " already holds a stack's data");
    }
    StackProcess.writeConfig(dataDir, Map.of());
    out.printf(
        "Soak: %s at %,d samples/s, SIGKILL every %s, %d users, data in %s%n",
        words(options.duration()),
        options.rate(),
        options.killEvery().isZero() ? "never" : words(options.killEvery()),
        options.users(),
        dataDir);
    startStack();
    List<Long> userIds = registerUsers();
    BatchPlan plan =
        new BatchPlan(
            new SampleStream(userIds, SampleRecordMapper.SOURCE, SampleStream.recentFirstDay()),
            options.distinctBatches());
    ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    List<Thread> senders = new ArrayList<>();
    try {
      timers.scheduleAtFixedRate(
          this::printProgress,
          PROGRESS_EVERY.toMillis(),
          PROGRESS_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);
      for (int i = 0; i < SENDERS; i++) {
        Thread sender = new Thread(() -> sendLoop(plan), "soak-sender-" + i);
        sender.setDaemon(true);
        sender.start();
        senders.add(sender);
      }
      phase = "streaming";
      streamAndKill();
      phase = "draining";
      long deadline = System.nanoTime() + options.settleTimeout().toNanos();
      while (!ledger.allAcknowledged() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      phase = "checking";
      long created = ledger.counts().created();
      GroundTruth truth = plan.truth(created);
      SoakVerdict verdict = check(truth, new StoredResults(userIds), deadline);
      stopping = true;
      timers.shutdownNow();
      printProgress();
      BatchLedger.Counts counts = ledger.counts();
      out.printf(
          "Sent %,d batches (%,d new, %,d re-sent after a failure, %,d duplicates of acknowledged"
              + " ones; %,d failed), %,d distinct samples, %d kills, in %s%n",
          counts.sent(),
          counts.created(),
          counts.retried(),
          counts.duplicates(),
          counts.failed(),
          truth.samples(),
          kills.get(),
          words(Duration.ofNanos(System.nanoTime() - startNanos)));
      out.println(verdict.line());
      return verdict.passed();
    } finally {
      stopping = true;
      timers.shutdownNow();
      for (Thread sender : senders) {
        sender.join(5_000);
      }
    }
  }

  /** Creates batches at the rate until the duration is over; kills and restarts the stack. */
  private void streamAndKill() throws Exception {
    long streamStart = System.nanoTime();
    long end = streamStart + options.duration().toNanos();
    long killEvery = options.killEvery().toNanos();
    long nextKill = killEvery == 0 ? Long.MAX_VALUE : streamStart + killEvery;
    long upSince = System.nanoTime();
    while (true) {
      long now = System.nanoTime();
      long elapsed = Math.min(now, end) - streamStart;
      ledger.createUpTo((long) Math.ceil(elapsed / 1e9 * options.batchesPerSecond()));
      if (now >= end) {
        return;
      }
      if (now >= nextKill && now - upSince >= MIN_UPTIME_BEFORE_KILL.toNanos()) {
        stackUp = false;
        stack.kill();
        kills.incrementAndGet();
        out.printf("[%s] SIGKILL of the stack (pid %d)%n", elapsedText(), stack.pid());
        // Batches keep being created while the stack is down, as a device keeps recording.
        Thread restart =
            new Thread(
                () -> {
                  try {
                    startStack();
                  } catch (Exception e) {
                    lastError = "restart failed: " + Messages.of(e);
                  }
                },
                "soak-restart");
        restart.start();
        while (restart.isAlive()) {
          long t = System.nanoTime();
          ledger.createUpTo(
              (long)
                  Math.ceil((Math.min(t, end) - streamStart) / 1e9 * options.batchesPerSecond()));
          restart.join(100);
        }
        if (!stackUp) {
          throw new IllegalStateException(lastError);
        }
        upSince = System.nanoTime();
        nextKill = Math.max(nextKill + killEvery, upSince + MIN_UPTIME_BEFORE_KILL.toNanos());
      }
      Thread.sleep(50);
    }
  }

  private void startStack() throws IOException, InterruptedException {
    int n = starts.incrementAndGet();
    long started = System.nanoTime();
    StackProcess started1 =
        StackProcess.start(
            dataDir, dataDir.resolve("soak-logs").resolve("stack-" + n + ".out"), START_TIMEOUT);
    stack = started1;
    client = new WearflowClient(started1.banner().httpUrl());
    stackUp = true;
    out.printf(
        "[%s] stack %s in %.1f s (pid %d, %s)%n",
        elapsedText(),
        n == 1 ? "started" : "restarted",
        (System.nanoTime() - started) / 1e9,
        started1.pid(),
        started1.banner().httpUrl());
  }

  private List<Long> registerUsers() {
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    List<Long> ids = new ArrayList<>();
    String[] fresh = new String[options.users()];
    for (int i = 0; i < options.users(); i++) {
      String username = "soak-" + run + "-" + i;
      ids.add(client.registerAthlete(username, username + "@soak.example", PASSWORD));
      usernames.add(username);
      fresh[i] = client.token(username, PASSWORD);
    }
    tokens = fresh;
    out.printf("Registered %d users (ids %s)%n", ids.size(), ids);
    return ids;
  }

  /** One sender: takes due sends from the ledger and posts them until the soak stops. */
  private void sendLoop(BatchPlan plan) {
    while (!stopping) {
      Optional<BatchLedger.Send> next = ledger.next(millis());
      if (next.isEmpty()) {
        sleep(20);
        continue;
      }
      BatchLedger.Send send = next.get();
      int user = plan.user(send.batch());
      try {
        Response response = client.post("/api/v1.1/samples", tokens[user], plan.json(send.batch()));
        if (response.ok()) {
          ledger.acknowledged(send, millis());
          continue;
        }
        lastError = "HTTP " + response.status() + " " + abbreviate(response.text());
        if (response.status() == 401) {
          refreshToken(user);
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        lastError = Messages.of(e);
      }
      ledger.failed(send, millis());
    }
  }

  private synchronized void refreshToken(int user) {
    try {
      String[] fresh = tokens.clone();
      fresh[user] = client.token(usernames.get(user), PASSWORD);
      tokens = fresh;
    } catch (RuntimeException e) {
      lastError = "token: " + Messages.of(e);
    }
  }

  /** Polls the table and the exports until they equal the ground truth or the deadline passes. */
  private SoakVerdict check(GroundTruth truth, StoredResults stored, long deadline)
      throws Exception {
    Path exports = dataDir.resolve("exports");
    SoakVerdict verdict = null;
    while (true) {
      try {
        StackBanner banner = stack.banner();
        verdict =
            SoakVerdict.of(
                truth,
                stored.userDays(banner.postgres()),
                stored.exportedUserDays(exports),
                stored.sampleExport(exports),
                ledger.counts().waiting());
      } catch (Exception e) {
        lastError = "check: " + Messages.of(e);
      }
      if ((verdict != null && verdict.passed()) || System.nanoTime() > deadline) {
        return verdict != null
            ? verdict
            : new SoakVerdict(
                truth.samples(), truth.samples(), 0, 0, 0, 0, 0, ledger.counts().waiting());
      }
      Thread.sleep(5_000);
    }
  }

  private void printProgress() {
    BatchLedger.Counts c = ledger.counts();
    out.printf(
        "[%s] %s: sent %,d, acknowledged %,d (%,d samples), waiting %,d, re-sent %,d,"
            + " duplicates %,d, failed %,d | kills %d, stack %s | user-day checkpoint %d%s%n",
        elapsedText(),
        phase,
        c.sent(),
        c.acknowledged(),
        c.acknowledged() * SoakOptions.BATCH,
        c.waiting(),
        c.retried(),
        c.duplicates(),
        c.failed(),
        kills.get(),
        stackUp ? "up" : "down",
        Checkpoints.newest(dataDir.resolve("checkpoints").resolve(LocalStack.USER_DAY_JOB)),
        lastError.isEmpty() ? "" : " | last error: " + lastError);
    lastError = "";
  }

  /** Stops the stack if one runs (also from the shutdown hook on Ctrl-C). */
  synchronized void stopStack() {
    stopping = true;
    StackProcess running = stack;
    if (running != null && running.isAlive()) {
      out.printf("[%s] stopping the stack%n", elapsedText());
      try {
        running.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private long millis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private String elapsedText() {
    return words(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  static String words(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format("%dm%02ds", s / 60, s % 60);
    }
    return String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "...";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The messages of an exception and its causes, without repeats. */
  private static final class Messages {
    static String of(Throwable e) {
      StringBuilder text = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        if (text.indexOf(message) < 0) {
          text.append(text.length() == 0 ? "" : ": ").append(message);
        }
      }
      return abbreviate(text.toString());
    }
  }
}
