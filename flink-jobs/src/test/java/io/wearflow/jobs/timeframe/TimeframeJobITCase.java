package io.wearflow.jobs.timeframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.connectors.kafka.KafkaSources;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.jobs.timeframe.SimulatedHalf.Sample;
import io.wearflow.jobs.timeframe.metrics.Frame;
import io.wearflow.jobs.timeframe.metrics.TimeframeMetrics;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.timeframes.TimeframeComputedData;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.testing.CollectingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job on a MiniCluster with parallelism 2, bounded input and collecting sinks, over a simulated
 * four minutes of three players ({@link SimulatedHalf}). The totals are checked against a
 * computation straight from the generated positions (segment lengths, speeds as segment length over
 * 0.1 s, sprints as runs of such speeds) where smoothing is off, and every final record against a
 * direct {@link TimeframeMetrics} run. Kafka, the registry and the table are covered elsewhere.
 */
class TimeframeJobITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0 = Instant.parse("2100-01-01T15:00:00Z").toEpochMilli();
  private static final int SECONDS = 240;
  private static final String NO_SMOOTHING = "{\"speed_smoothing_window\": 0}";

  private static final Map<Integer, List<Sample>> PLAYERS = new LinkedHashMap<>();
  private static List<TimeframeComputedData> table;
  private static List<TimeframeComputedData> topic;
  private static List<DeadLetter> deadLetters;

  @BeforeAll
  static void runTheHalf() throws Exception {
    for (int device = 1; device <= 3; device++) {
      PLAYERS.put(device, SimulatedHalf.samples(device, T0, SECONDS));
    }
    List<TrackingFrame> frames = new ArrayList<>();
    for (int i = 0; i <= SECONDS * 10; i++) {
      for (var player : PLAYERS.entrySet()) {
        frames.add(SimulatedHalf.frame(player.getKey(), player.getValue().get(i)));
      }
      if (i == 500) {
        frames.add(frames.get(frames.size() - 3)); // a resent frame of device 1
        frames.add(
            TrackingFrame.newBuilder(frames.get(frames.size() - 1)).setX(null).build()); // broken
      }
    }
    List<TimeframeChange> changes =
        List.of(
            upsert(101, 1, 1, 0, 120, NO_SMOOTHING),
            upsert(102, 1, 2, 0, SECONDS, "{}"),
            upsert(
                103,
                1,
                3,
                60,
                210,
                "{\"speed_smoothing_window\": 0, \"sprint_thresholds\": [5, 6.5]}"),
            upsert(104, 1, 1, 0, 60, NO_SMOOTHING),
            upsert(104, 2, 1, 30, 180, NO_SMOOTHING),
            upsert(105, 1, 2, 200, 300, "{}"),
            TimeframeChange.deletion(105));

    CollectingSink<TimeframeComputedData> tableSink = new CollectingSink<>();
    CollectingSink<TimeframeComputedData> topicSink = new CollectingSink<>();
    CollectingSink<DeadLetter> deadLetterSink = new CollectingSink<>();
    StreamExecutionEnvironment env = environment();
    job(new TimeframeJob.Sinks(tableSink, topicSink, deadLetterSink))
        .addAfterDecoding(
            env.fromData(frames, TypeInformation.of(TrackingFrame.class)),
            env.fromData(changes, TypeInformation.of(TimeframeChange.class)));
    env.execute(TimeframeJob.NAME);
    table = tableSink.getRemainingOutput();
    topic = topicSink.getRemainingOutput();
    deadLetters = deadLetterSink.getRemainingOutput();
  }

  @Test
  void bothSinksReceiveTheSameSnapshots() {
    assertThat(topic).containsExactlyInAnyOrderElementsOf(table);
  }

  @Test
  void totalsMatchAComputationFromThePositions() {
    for (long id : List.of(101L, 103L, 104L)) {
      Window window = window(id);
      JsonNode data = json(last(id));
      Truth truth = Truth.of(window.samples());
      assertThat(data.get("total_distance").asDouble()).isCloseTo(truth.distance, within(1e-6));
      assertThat(data.get("max_speed").asDouble()).isCloseTo(truth.maxSpeed(), within(1e-9));
      assertThat(data.get("first_timestamp").asLong()).isEqualTo(window.from());
      assertThat(data.get("last_timestamp").asLong()).isEqualTo(window.to());
      assertThat(events(data, "sprint", 1)).hasSize(truth.runs(5.0));
      assertThat(sum(events(data, "hid", 1), "distance"))
          .isCloseTo(truth.distanceAtLeast(4.0), within(1e-6));
      assertThat(sum(events(data, "hid", 2), "distance"))
          .isCloseTo(truth.distanceAtLeast(5.0), within(1e-6));
      assertThat(data.get("hr_max").asDouble()).isEqualTo(truth.hrMax());
      assertThat(data.get("hr_min").asDouble()).isEqualTo(truth.hrMin());
      assertThat(data.get("hr_avg").asDouble()).isCloseTo(truth.hrAvg(), within(1e-9));
    }
    // Two sprints per 30 s cycle, well separated: the simulation really sprints.
    assertThat(events(json(last(101)), "sprint", 1)).hasSizeGreaterThanOrEqualTo(8);
    Truth fast = Truth.of(window(103).samples());
    assertThat(events(json(last(103)), "sprint", 2)).hasSize(fast.runs(6.5));
    assertThat(fast.runs(6.5)).isLessThan(fast.runs(5.0));
  }

  @Test
  void smoothedDistanceStillMatchesThePositions() {
    Truth truth = Truth.of(window(102).samples());
    JsonNode data = json(last(102));
    assertThat(data.get("total_distance").asDouble()).isCloseTo(truth.distance, within(1e-6));
    // Smoothing (0.5 s) lowers the peaks a little, never raises them.
    assertThat(data.get("max_speed").asDouble()).isLessThanOrEqualTo(truth.maxSpeed() + 1e-9);
    assertThat(data.get("max_speed").asDouble()).isGreaterThan(6.5);
  }

  @Test
  void eachTimeframeEndsWithAFinalRecordEqualToADirectRun() throws Exception {
    for (long id : List.of(101L, 102L, 103L, 104L)) {
      TimeframeComputedData last = last(id);
      assertThat(last.getFinal$()).as("timeframe %d", id).isTrue();
      Window window = window(id);
      TimeframeMetrics direct =
          new TimeframeMetrics(window.start(), window.end(), TimeframeJson.params(window.params()));
      for (Sample sample : PLAYERS.get(window.device())) {
        direct.add(
            Frame.metres(sample.timestamp(), sample.x(), sample.y(), null, sample.heartRate()));
      }
      ObjectNode expected = (ObjectNode) JSON.readTree(TimeframeJson.render(direct.snapshot(0)));
      ObjectNode actual = (ObjectNode) json(last);
      expected.remove("last_computation");
      actual.remove("last_computation");
      assertThat(actual).as("timeframe %d", id).isEqualTo(expected);
    }
  }

  @Test
  void anUpdatedTimeframeEndsWithItsNewVersionAndADeletedOneWithoutAFinalRecord() {
    assertThat(last(104).getTimeframeVersion()).isEqualTo(2);
    assertThat(table)
        .filteredOn(d -> d.getTimeframeId() == 105 && d.getFinal$())
        .as("deleted before the end")
        .isEmpty();
  }

  @Test
  void aFrameWithoutPositionIsADeadLetter() {
    assertThat(deadLetters).hasSize(1);
    assertThat(deadLetters.get(0).getReason()).startsWith("frame without a complete position");
    assertThat(deadLetters.get(0).getTopic()).isEqualTo("tracking");
  }

  @Test
  void unreadableRecordsBecomeDeadLettersAndTombstonesDoNot() throws Exception {
    List<RawRecord> tracking =
        List.of(new RawRecord("tracking", 0, 7, 0, bytes("1"), bytes("not Avro at all")));
    List<RawRecord> timeframes =
        List.of(
            new RawRecord("timeframes", 0, 3, 0, bytes("5"), null),
            new RawRecord("timeframes", 0, 4, 0, bytes("6"), new byte[] {0, 0}));
    CollectingSink<TimeframeComputedData> out = new CollectingSink<>();
    CollectingSink<DeadLetter> rejected = new CollectingSink<>();
    StreamExecutionEnvironment env = environment();

    new TimeframeJob(
            source(tracking),
            source(timeframes),
            SchemaRegistryConfig.of("http://localhost:9"),
            new TimeframeJob.Sinks(out, new CollectingSink<>(), rejected),
            TimeframeJob.Settings.DEFAULT)
        .addTo(env);
    env.execute(TimeframeJob.NAME);

    assertThat(out.getRemainingOutput()).isEmpty();
    assertThat(rejected.getRemainingOutput())
        .extracting(d -> d.getTopic() + "@" + d.getOffset())
        .containsExactlyInAnyOrder("tracking@7", "timeframes@4");
  }

  /** A timeframe of the half: device, window (seconds after T0) and params. */
  private record Window(int device, long start, long end, String params) {

    List<Sample> samples() {
      return PLAYERS.get(device).stream()
          .filter(s -> s.timestamp() >= start && s.timestamp() <= end)
          .toList();
    }

    long from() {
      return samples().get(0).timestamp();
    }

    long to() {
      return samples().get(samples().size() - 1).timestamp();
    }
  }

  private static Window window(long id) {
    return switch ((int) id) {
      case 101 -> new Window(1, T0, T0 + 120_000, NO_SMOOTHING);
      case 102 -> new Window(2, T0, T0 + SECONDS * 1000L, "{}");
      case 103 ->
          new Window(
              3,
              T0 + 60_000,
              T0 + 210_000,
              "{\"speed_smoothing_window\": 0, \"sprint_thresholds\": [5, 6.5]}");
      case 104 -> new Window(1, T0 + 30_000, T0 + 180_000, NO_SMOOTHING);
      default -> throw new IllegalArgumentException("no timeframe " + id);
    };
  }

  /**
   * What the frames say without the job's code: segment lengths, and speeds as segment length per
   * 0.1 s (the job's raw speed, unsmoothed).
   */
  private record Truth(
      double distance, List<Double> speeds, List<Double> lengths, List<Sample> in) {

    static Truth of(List<Sample> in) {
      double distance = 0;
      List<Double> speeds = new ArrayList<>();
      List<Double> lengths = new ArrayList<>();
      for (int i = 1; i < in.size(); i++) {
        double length =
            Math.hypot(in.get(i).x() - in.get(i - 1).x(), in.get(i).y() - in.get(i - 1).y());
        distance += length;
        lengths.add(length);
        speeds.add(length * 1000.0 / (in.get(i).timestamp() - in.get(i - 1).timestamp()));
      }
      return new Truth(distance, speeds, lengths, in);
    }

    double maxSpeed() {
      return speeds.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Maximal runs of segments at or above {@code threshold}. */
    int runs(double threshold) {
      int runs = 0;
      boolean inRun = false;
      for (double speed : speeds) {
        if (speed >= threshold && !inRun) {
          runs++;
        }
        inRun = speed >= threshold;
      }
      return runs;
    }

    double distanceAtLeast(double threshold) {
      double sum = 0;
      for (int i = 0; i < speeds.size(); i++) {
        if (speeds.get(i) >= threshold) {
          sum += lengths.get(i);
        }
      }
      return sum;
    }

    double hrMax() {
      return in.stream().mapToDouble(Sample::heartRate).max().orElseThrow();
    }

    double hrMin() {
      return in.stream().mapToDouble(Sample::heartRate).min().orElseThrow();
    }

    double hrAvg() {
      return in.stream().mapToDouble(Sample::heartRate).average().orElseThrow();
    }
  }

  private static TimeframeComputedData last(long id) {
    List<TimeframeComputedData> records =
        table.stream().filter(d -> d.getTimeframeId() == id).toList();
    assertThat(records).as("records of timeframe %d", id).isNotEmpty();
    return records.get(records.size() - 1);
  }

  private static List<JsonNode> events(JsonNode data, String kind, int threshold) {
    List<JsonNode> events = new ArrayList<>();
    data.get(kind).get("threshold_" + threshold).get("values").forEach(events::add);
    return events;
  }

  private static double sum(List<JsonNode> events, String field) {
    return events.stream().mapToDouble(e -> e.get(field).asDouble()).sum();
  }

  private static JsonNode json(TimeframeComputedData data) {
    try {
      return JSON.readTree(data.getDataJson());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static TimeframeChange upsert(
      long id, long version, long device, int fromSecond, int toSecond, String params) {
    return TimeframeChange.upsert(
        TimeframeDefinition.newBuilder()
            .setTimeframeId(id)
            .setVersion(version)
            .setDeviceId(device)
            .setAthleteId(100 + device)
            .setOwnerId(2)
            .setStartTime(Instant.ofEpochMilli(T0 + fromSecond * 1000L))
            .setEndTime(Instant.ofEpochMilli(T0 + toSecond * 1000L))
            .setParamsJson(params)
            .build());
  }

  private static TimeframeJob job(TimeframeJob.Sinks sinks) {
    return new TimeframeJob(
        // Built but not used: these tests start after decoding.
        KafkaSources.raw("localhost:9", "unused", "unused"),
        KafkaSources.raw("localhost:9", "unused", "unused"),
        SchemaRegistryConfig.of("http://localhost:9"),
        sinks,
        TimeframeJob.Settings.DEFAULT);
  }

  private static DataGeneratorSource<RawRecord> source(List<RawRecord> records) {
    List<RawRecord> copy = List.copyOf(records);
    return new DataGeneratorSource<>(
        index -> copy.get(index.intValue()), copy.size(), TypeInformation.of(RawRecord.class));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static StreamExecutionEnvironment environment() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // Every record and state type must have a Flink or Avro serializer, never Kryo.
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    env.configure(config);
    return env;
  }
}
