package io.wearflow.jobs.sessions;

import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.sessions.Session;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Flink adapter of {@link SessionRules}: passes storable sessions on and routes the others to
 * {@link #INVALID_SESSIONS} as dead letters, counted in the {@code invalidSessions} metric. Such a
 * dead letter has partition and offset -1 (the session was rejected after decoding), the topic key
 * {@code <user id>/<session id>} as key and the whole session in its reason.
 */
public final class SessionChecker extends ProcessFunction<Session, Session> {

  /** Sessions rejected by {@link SessionRules}. */
  public static final OutputTag<DeadLetter> INVALID_SESSIONS =
      new OutputTag<>("invalid-sessions", TypeInformation.of(DeadLetter.class));

  private final String jobName;
  private final String topic;
  private transient Counter invalidSessions;

  /**
   * @param jobName the job named in dead letters
   * @param topic the topic named in dead letters
   */
  public SessionChecker(String jobName, String topic) {
    this.jobName = jobName;
    this.topic = topic;
  }

  @Override
  public void open(OpenContext openContext) {
    invalidSessions = getRuntimeContext().getMetricGroup().counter("invalidSessions");
  }

  @Override
  public void processElement(Session session, Context ctx, Collector<Session> out) {
    Optional<String> problem = SessionRules.problemWith(session);
    if (problem.isPresent()) {
      invalidSessions.inc();
      ctx.output(INVALID_SESSIONS, deadLetter(session, problem.get()));
      return;
    }
    out.collect(session);
  }

  private DeadLetter deadLetter(Session session, String problem) {
    return DeadLetter.newBuilder()
        .setJob(jobName)
        .setTopic(topic)
        .setPartition(-1)
        .setOffset(-1)
        .setKey(ByteBuffer.wrap(SessionRules.key(session).getBytes(StandardCharsets.UTF_8)))
        .setValue(null)
        .setReason("invalid session, " + problem + ": " + session)
        .setFailedAt(Instant.ofEpochMilli(System.currentTimeMillis()))
        .build();
  }
}
