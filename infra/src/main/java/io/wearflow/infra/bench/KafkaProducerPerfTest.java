package io.wearflow.infra.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Kafka's own {@code ProducerPerformance} (what {@code kafka-producer-perf-test.sh} runs, from
 * the {@code kafka-tools} jar of the broker's version) in a child JVM against a broker, and reads
 * its summary line. A child JVM because the tool prints its results to standard output and, like
 * the shell script, gets a JVM of its own.
 */
final class KafkaProducerPerfTest {

  /** The tool's class in {@code kafka-tools}. */
  static final String TOOL = "org.apache.kafka.tools.ProducerPerformance";

  /**
   * {@code 1000 records sent, 1234.5 records/sec (0.09 MB/sec), 5.67 ms avg latency, 89.00 ms max
   * latency, 4 ms 50th, 9 ms 95th, 12 ms 99th, 40 ms 99.9th.}, and with warm-up records a second
   * one, {@code 900 steady state records sent, ...}.
   */
  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+)( steady state)? records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg"
              + " latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms"
              + " 99th");

  /** The tool's final summary (of the steady state when warm-up records were asked for). */
  record Summary(
      long records,
      double recordsPerSecond,
      double avgLatencyMs,
      int p50Ms,
      int p99Ms,
      boolean steadyState,
      String line) {}

  private KafkaProducerPerfTest() {}

  /**
   * Sends {@code records} records of {@code recordSize} random bytes to {@code topic} as fast as
   * the producer takes them ({@code --throughput -1}) and returns the summary.
   *
   * @param warmupRecords the first records, left out of the steady-state summary
   * @param producerProperties passed to the tool as {@code --command-property}
   * @param progress receives the tool's periodic report lines
   */
  static Summary run(
      String bootstrapServers,
      String topic,
      long records,
      long warmupRecords,
      int recordSize,
      Properties producerProperties,
      Consumer<String> progress)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TOOL);
    command.addAll(
        List.of(
            "--bootstrap-server",
            bootstrapServers,
            "--topic",
            topic,
            "--num-records",
            Long.toString(records),
            "--warmup-records",
            Long.toString(warmupRecords),
            "--record-size",
            Integer.toString(recordSize),
            "--throughput",
            "-1",
            "--reporting-interval",
            "5000"));
    command.add("--command-property");
    for (Map.Entry<Object, Object> property : producerProperties.entrySet()) {
      command.add(property.getKey() + "=" + property.getValue());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    Optional<Summary> total = Optional.empty();
    Optional<Summary> steady = Optional.empty();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        Optional<Summary> parsed = parse(line);
        if (parsed.isEmpty()) {
          if (line.contains("records sent")) {
            progress.accept(line.strip()); // the periodic report
          }
          continue;
        }
        Summary summary = parsed.get();
        if (summary.steadyState()) {
          steady = Optional.of(summary);
        } else if (summary.records() == records) {
          total = Optional.of(summary);
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    if (process.exitValue() != 0 || total.isEmpty()) {
      int from = Math.max(0, output.size() - 20);
      throw new IllegalStateException(
          TOOL
              + " exited with "
              + process.exitValue()
              + " without a summary; its last lines:\n"
              + String.join("\n", output.subList(from, output.size())));
    }
    return steady.orElse(total.get());
  }

  /** The summary a line of the tool's output holds, if it is one. */
  static Optional<Summary> parse(String line) {
    Matcher m = SUMMARY.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new Summary(
            Long.parseLong(m.group(1)),
            Double.parseDouble(m.group(3)),
            Double.parseDouble(m.group(5)),
            Integer.parseInt(m.group(7)),
            Integer.parseInt(m.group(9)),
            m.group(2) != null,
            line.strip()));
  }
}
