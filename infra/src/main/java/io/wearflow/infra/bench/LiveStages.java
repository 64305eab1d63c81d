package io.wearflow.infra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Where the live latency goes: from the {@link BatchTrace}s of the measured batches, the
 * percentiles of each stage's share (ms) and a per-second time series, as text lines for the
 * bench's progress output. A stage is only counted for batches that saw both of its ends.
 */
final class LiveStages {

  /** One stage: from one point of a trace to a later one. */
  private record Stage(
      String name, ToLongFunction<BatchTrace> from, ToLongFunction<BatchTrace> to) {}

  private static final List<Stage> STAGES =
      List.of(
          new Stage("POST sent -> accept (edge + Kafka ack)", t -> t.sentAt, t -> t.acceptedAt),
          new Stage("accept -> in Kafka (consumer saw it)", t -> t.acceptedAt, t -> t.kafkaAt),
          new Stage("in Kafka -> job snapshot (SSE data)", t -> t.kafkaAt, t -> t.sseComputedAt),
          new Stage("job snapshot -> table row written", t -> t.sseComputedAt, t -> t.sseUpdatedAt),
          new Stage("table row written -> SSE event read", t -> t.sseUpdatedAt, t -> t.sseReadAt),
          new Stage("accept -> SSE event read (total)", t -> t.acceptedAt, t -> t.sseReadAt),
          new Stage("in Kafka -> job snapshot (GET data)", t -> t.kafkaAt, t -> t.getComputedAt),
          new Stage("job snapshot -> GET read", t -> t.getComputedAt, t -> t.getReadAt),
          new Stage("accept -> GET read (total)", t -> t.acceptedAt, t -> t.getReadAt));

  private LiveStages() {}

  /** {@code stage: n, p50 / p90 / p99 / max ms} for every stage with at least one batch. */
  static List<String> breakdown(List<BatchTrace> traces) {
    List<String> lines = new ArrayList<>();
    for (Stage stage : STAGES) {
      long[] values = durations(traces, stage);
      if (values.length == 0) {
        continue;
      }
      Percentiles p = Percentiles.of(values);
      lines.add(
          String.format(
              Locale.ROOT,
              "%-42s n=%4d  p50 %5d  p90 %5d  p99 %5d  max %5d ms",
              stage.name(),
              p.count(),
              p.at(50),
              p.at(90),
              p.at(99),
              p.at(100)));
    }
    return lines;
  }

  /**
   * One line per second of accepts since {@code startMillis}: batches, the GET total's p50 and max,
   * and the max of each step (Kafka, job, table, GET) in that second.
   */
  static List<String> timeSeries(List<BatchTrace> traces, long startMillis) {
    List<String> lines = new ArrayList<>();
    lines.add("second  batches  GET p50  GET max | max: to-Kafka  job  table-row  SSE-read  GET");
    int seconds = 0;
    for (BatchTrace t : traces) {
      seconds = Math.max(seconds, (int) ((t.acceptedAt - startMillis) / 1000) + 1);
    }
    for (int s = 0; s < seconds; s++) {
      long from = startMillis + s * 1000L;
      List<BatchTrace> in = new ArrayList<>();
      for (BatchTrace t : traces) {
        if (t.acceptedAt >= from && t.acceptedAt < from + 1000) {
          in.add(t);
        }
      }
      long[] total = durations(in, STAGES.get(8));
      lines.add(
          String.format(
              Locale.ROOT,
              "%6d  %7d  %7s  %7s | %12s  %4s  %9s  %8s  %4s",
              s,
              in.size(),
              total.length == 0 ? "-" : Long.toString(Percentiles.of(total).at(50)),
              max(total),
              max(durations(in, STAGES.get(1))),
              max(durations(in, STAGES.get(2))),
              max(durations(in, STAGES.get(3))),
              max(durations(in, STAGES.get(4))),
              max(durations(in, STAGES.get(7)))));
    }
    return lines;
  }

  private static String max(long[] values) {
    if (values.length == 0) {
      return "-";
    }
    return Long.toString(Percentiles.of(values).at(100));
  }

  private static long[] durations(List<BatchTrace> traces, Stage stage) {
    long[] values = new long[traces.size()];
    int n = 0;
    for (BatchTrace t : traces) {
      long from = stage.from().applyAsLong(t);
      long to = stage.to().applyAsLong(t);
      if (from > 0 && to > 0) {
        values[n++] = to - from;
      }
    }
    return java.util.Arrays.copyOf(values, n);
  }
}
