package io.wearflow.jobs.sessions;

import static io.wearflow.jobs.sessions.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.kafka.KafkaSources;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.sessions.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.testing.CollectingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job on a MiniCluster with parallelism 2, bounded input and collecting sinks. Kafka, the
 * registry and the table are covered by the infra module's tests.
 */
class SessionsJobITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void validSessionsReachTheSinkInOrderPerSessionAndInvalidOnesAreDeadLetters() throws Exception {
    Session run = session("run", "07:00", "08:00", "08:01:00").setName("Run").build();
    Session runEdited = session("run", "07:00", "08:10", "08:15:00").setName("Long run").build();
    Session runEditedAgain =
        session("run", "07:05", "08:10", "08:20:00").setName("Long run").build();
    Session otherUsersRun = session("run", "09:00", "10:00", "10:01:00").setUserId(7).build();
    Session yoga = session("yoga", "18:00", "19:00", "19:00:30").setActivityType(100).build();
    Session backwards = session("broken", "12:00", "11:00", "12:01:00").build();
    Session tooActive =
        session("walk", "12:00", "12:30", "12:31:00").setActiveTimeMillis(1_800_001L).build();
    List<Session> input =
        List.of(run, yoga, backwards, runEdited, otherUsersRun, tooActive, runEditedAgain);

    CollectingSink<Session> stored = new CollectingSink<>();
    CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
    StreamExecutionEnvironment env = environment();
    job(stored, deadLetters)
        .addAfterDecoding(env.fromData(input, TypeInformation.of(Session.class)));
    env.execute(SessionsJob.NAME);

    List<Session> written = stored.getRemainingOutput();
    assertThat(written)
        .containsExactlyInAnyOrder(run, yoga, runEdited, otherUsersRun, runEditedAgain);
    // One sink writer per session, receiving its versions in the order they were accepted.
    assertThat(written.stream().filter(s -> SessionRules.key(s).equals("42/run")))
        .containsExactly(run, runEdited, runEditedAgain);
    List<DeadLetter> rejected = deadLetters.getRemainingOutput();
    assertThat(rejected)
        .extracting(DeadLetter::getReason)
        .containsExactlyInAnyOrder(
            "invalid session, end_time is before start_time: " + backwards,
            "invalid session, active_time_millis 1800001 is outside 0 to the session's 1800000"
                + " ms: "
                + tooActive);
    assertThat(rejected).extracting(DeadLetter::getJob).containsOnly("sessions");
    assertThat(rejected).extracting(DeadLetter::getTopic).containsOnly("sessions");
    assertThat(rejected)
        .extracting(d -> StandardCharsets.UTF_8.decode(d.getKey()).toString())
        .containsExactlyInAnyOrder("42/broken", "42/walk");
  }

  @Test
  void unreadableRecordsBecomeDeadLettersWithTheirCoordinates() throws Exception {
    List<RawRecord> records = new ArrayList<>();
    records.add(raw(0, 5, "not Avro at all"));
    records.add(raw(1, 9, "\u0001 wrong magic byte"));
    records.add(new RawRecord("sessions", 1, 10, 0, null, new byte[] {0, 0}));
    CollectingSink<Session> stored = new CollectingSink<>();
    CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
    StreamExecutionEnvironment env = environment();
    List<RawRecord> copy = List.copyOf(records);
    DataGeneratorSource<RawRecord> source =
        new DataGeneratorSource<>(
            index -> copy.get(index.intValue()), copy.size(), TypeInformation.of(RawRecord.class));

    new SessionsJob(
            source, "sessions", SchemaRegistryConfig.of("http://localhost:9"), stored, deadLetters)
        .addTo(env);
    env.execute(SessionsJob.NAME);

    assertThat(stored.getRemainingOutput()).isEmpty();
    List<DeadLetter> rejected = deadLetters.getRemainingOutput();
    assertThat(rejected)
        .extracting(d -> d.getPartition() + "@" + d.getOffset())
        .containsExactlyInAnyOrder("0@5", "1@9", "1@10");
    assertThat(rejected).extracting(DeadLetter::getJob).containsOnly("sessions");
    assertThat(rejected).allSatisfy(d -> assertThat(d.getReason()).isNotBlank());
  }

  private static SessionsJob job(
      CollectingSink<Session> stored, CollectingSink<DeadLetter> deadLetters) {
    return new SessionsJob(
        // Built but not used: these tests start after decoding.
        KafkaSources.raw("localhost:9", "unused", "unused"),
        "sessions",
        SchemaRegistryConfig.of("http://localhost:9"),
        stored,
        deadLetters);
  }

  private static RawRecord raw(int partition, long offset, String value) {
    return new RawRecord(
        "sessions",
        partition,
        offset,
        0,
        "42/run".getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
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
