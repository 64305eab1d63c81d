package io.wearflow.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Samples the resident set size (RSS) of this JVM, which hosts the whole local stack but the
 * registry and PostgreSQL, and of the schema registry's child JVM, every 100 ms, and keeps the peak
 * since the last {@link #resetPeaks()}: the peak of one benchmark's load. Linux only (reads {@code
 * /proc/<pid>/status}); elsewhere every figure is absent.
 */
final class MemorySampler implements AutoCloseable {

  /** Peaks of one phase, in bytes; -1 when unknown. */
  record Peaks(long benchRss, long registryRss, long benchHighWaterMark) {}

  private final Thread thread;
  private volatile long registryPid = -1;
  private long benchPeak = -1;
  private long registryPeak = -1;
  private volatile boolean running = true;

  MemorySampler() {
    thread = new Thread(this::run, "bench-memory-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Also samples the process {@code pid} (the registry's child JVM). */
  void watchRegistry(long pid) {
    registryPid = pid;
  }

  synchronized void resetPeaks() {
    benchPeak = -1;
    registryPeak = -1;
    sample();
  }

  synchronized Peaks peaks() {
    sample();
    return new Peaks(benchPeak, registryPeak, statusField("self", "VmHWM").orElse(-1));
  }

  private void run() {
    while (running) {
      synchronized (this) {
        sample();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    benchPeak = Math.max(benchPeak, statusField("self", "VmRSS").orElse(-1));
    long pid = registryPid;
    if (pid > 0) {
      registryPeak = Math.max(registryPeak, statusField(Long.toString(pid), "VmRSS").orElse(-1));
    }
  }

  /** A {@code kB} field of {@code /proc/<process>/status}, in bytes. */
  static OptionalLong statusField(String process, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", process, "status"))) {
        if (line.startsWith(field + ":")) {
          String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or the process is gone.
    }
    return OptionalLong.empty();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
