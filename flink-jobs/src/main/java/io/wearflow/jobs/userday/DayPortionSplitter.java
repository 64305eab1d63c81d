package io.wearflow.jobs.userday;

import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
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
 * Flink adapter of {@link UserDayBucketer}: emits the day portions of each sample, and routes a
 * sample the job cannot aggregate ({@link SampleRules}) to {@link #INVALID_SAMPLES} as a dead
 * letter, counted in the {@code invalidSamples} metric.
 *
 * <p>Such a dead letter has partition and offset -1 (the sample was rejected after decoding), the
 * user id as key (the topic's key) and the whole sample in its reason.
 */
public final class DayPortionSplitter extends ProcessFunction<Sample, DayPortion> {

  /** Samples rejected by {@link SampleRules}. */
  public static final OutputTag<DeadLetter> INVALID_SAMPLES =
      new OutputTag<>("invalid-samples", TypeInformation.of(DeadLetter.class));

  private final String jobName;
  private final String topic;
  private transient Counter invalidSamples;

  /**
   * @param jobName the job named in dead letters
   * @param topic the topic named in dead letters
   */
  public DayPortionSplitter(String jobName, String topic) {
    this.jobName = jobName;
    this.topic = topic;
  }

  @Override
  public void open(OpenContext openContext) {
    invalidSamples = getRuntimeContext().getMetricGroup().counter("invalidSamples");
  }

  @Override
  public void processElement(Sample sample, Context ctx, Collector<DayPortion> out) {
    Optional<String> problem = SampleRules.problemWith(sample);
    if (problem.isPresent()) {
      invalidSamples.inc();
      ctx.output(INVALID_SAMPLES, deadLetter(sample, problem.get()));
      return;
    }
    for (DayPortion portion : UserDayBucketer.split(sample)) {
      out.collect(portion);
    }
  }

  private DeadLetter deadLetter(Sample sample, String problem) {
    return DeadLetter.newBuilder()
        .setJob(jobName)
        .setTopic(topic)
        .setPartition(-1)
        .setOffset(-1)
        .setKey(
            ByteBuffer.wrap(String.valueOf(sample.getUserId()).getBytes(StandardCharsets.UTF_8)))
        .setValue(null)
        .setReason("invalid sample, " + problem + ": " + sample)
        .setFailedAt(Instant.ofEpochMilli(System.currentTimeMillis()))
        .build();
  }
}
