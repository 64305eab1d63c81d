package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.RECEIVED;
import static io.wearflow.jobs.userday.TestSamples.bpm;
import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.kafka.KafkaSources;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.testing.CollectingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job after decoding on a MiniCluster with parallelism 2, bounded input and collecting sinks.
 * The Kafka and registry path is covered by the infra module's tests.
 */
class UserDayJobITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final long OTHER_USER = 7;

  @Test
  void aggregatesDeduplicatedSamplesPerLocalDayAndRoutesInvalidOnes() throws Exception {
    List<Sample> input = new ArrayList<>();
    // User 42 in +04:00: a batch sent three times, a sample across midnight, a correction.
    Sample.Builder walk = steps("2023-11-01T08:04:51+04:00", "2023-11-01T08:04:58+04:00", 14);
    Sample.Builder stroll = steps("2023-11-01T09:47:21+04:00", "2023-11-01T09:47:34+04:00", 24);
    Sample.Builder pulse = bpm("2023-11-01T09:50:00+04:00", 72);
    for (int send = 0; send < 3; send++) {
      Instant receivedAt = RECEIVED.plusSeconds(60L * send);
      input.add(walk.setReceivedAt(receivedAt).build());
      input.add(stroll.setReceivedAt(receivedAt).build());
      input.add(pulse.setReceivedAt(receivedAt).build());
    }
    Sample night =
        steps("2023-11-01T23:30:00+04:00", "2023-11-02T00:30:00+04:00", 120)
            .setReceivedAt(RECEIVED.plusSeconds(180))
            .build();
    Sample corrected = stroll.setValue(30).setReceivedAt(RECEIVED.plusSeconds(240)).build();
    input.add(night);
    input.add(corrected);
    // User 7 in -05:00 with two devices, and one sample that ends before it starts.
    Sample rest =
        bpm("2023-11-01T22:00:00-05:00", "2023-11-01T22:30:00-05:00", 80)
            .setUserId(OTHER_USER)
            .setDeviceName("Apple Watch")
            .build();
    Sample lateRun =
        bpm("2023-11-01T23:50:00-05:00", "2023-11-02T00:10:00-05:00", 110)
            .setUserId(OTHER_USER)
            .setDeviceName("Apple Watch")
            .build();
    Sample noon =
        steps("2023-11-01T12:00:00-05:00", "2023-11-01T12:00:00-05:00", 50)
            .setUserId(OTHER_USER)
            .build();
    Sample broken =
        steps("2023-11-01T13:00:00-05:00", "2023-11-01T12:00:00-05:00", 50)
            .setUserId(OTHER_USER)
            .build();
    input.addAll(List.of(rest, lateRun, noon, broken));

    CollectingSink<UserDay> days = new CollectingSink<>();
    CollectingSink<Sample> exported = new CollectingSink<>();
    CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.configure(noGenericTypes());
    new UserDayJob(
            // Built but not used: this test starts after decoding.
            KafkaSources.raw("localhost:9", "unused", "unused"),
            SchemaRegistryConfig.of("http://localhost:9"),
            days,
            exported,
            deadLetters)
        .addAfterDecoding(env.fromData(input, TypeInformation.of(Sample.class)));
    env.execute(UserDayJob.NAME);

    List<UserDay> rows = days.getRemainingOutput();
    // One row per change: user 42 day 1 five (3 new, 1 new, 1 correction), day 2 one;
    // user 7 day 1 three, day 2 one. Resends add none.
    assertThat(rows).hasSize(10);
    assertThat(lastRowPerDay(rows))
        .containsOnly(
            Map.entry(
                "42/2023-11-01",
                day(42, "2023-11-01", 104, 72.0, 72.0, 72.0, 4, List.of("iPhone"), 240)),
            Map.entry(
                "42/2023-11-02",
                day(42, "2023-11-02", 60, null, null, null, 1, List.of("iPhone"), 180)),
            Map.entry(
                "7/2023-11-01",
                // (80 bpm * 1800 s + 110 bpm * 600 s) / 2400 s
                day(
                    7,
                    "2023-11-01",
                    50,
                    80.0,
                    110.0,
                    87.5,
                    3,
                    List.of("Apple Watch", "iPhone"),
                    0)),
            Map.entry(
                "7/2023-11-02",
                day(7, "2023-11-02", 0, 110.0, 110.0, 110.0, 1, List.of("Apple Watch"), 0)));
    assertThat(exported.getRemainingOutput())
        .containsExactlyInAnyOrder(
            input.get(0), input.get(1), input.get(2), night, corrected, rest, lateRun, noon);
    List<DeadLetter> rejected = deadLetters.getRemainingOutput();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).getJob()).isEqualTo("user-day");
    assertThat(rejected.get(0).getReason())
        .startsWith("invalid sample, end_time is before start_time: ");
  }

  private static Configuration noGenericTypes() {
    // Every record and state type must have a Flink or Avro serializer, never Kryo.
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    return config;
  }

  private static Map<String, UserDay> lastRowPerDay(List<UserDay> rows) {
    Map<String, UserDay> last = new LinkedHashMap<>();
    rows.forEach(row -> last.put(row.getUserId() + "/" + row.getLocalDate(), row));
    return last;
  }

  private static UserDay day(
      long user,
      String date,
      double steps,
      Double bpmMin,
      Double bpmMax,
      Double bpmMean,
      int samples,
      List<String> devices,
      long receivedSecondsAfterFirst) {
    return UserDay.newBuilder()
        .setUserId(user)
        .setLocalDate(LocalDate.parse(date))
        .setStepsTotal(steps)
        .setBpmMin(bpmMin)
        .setBpmMax(bpmMax)
        .setBpmMean(bpmMean)
        .setSampleCount(samples)
        .setDevices(devices)
        .setUpdatedAt(RECEIVED.plusSeconds(receivedSecondsAfterFirst))
        .build();
  }
}
