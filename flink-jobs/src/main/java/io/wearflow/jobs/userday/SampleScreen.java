package io.wearflow.jobs.userday;

import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Flink adapter of {@link SampleRules} and {@link Lateness}: passes on the samples the job counts
 * and routes the others to {@link #REJECTED} as dead letters ({@link SampleDeadLetters}): invalid
 * samples counted in the {@code invalidSamples} metric, samples that ended more than 8 days before
 * they were received in {@code samplesTooLate}.
 */
public final class SampleScreen extends ProcessFunction<Sample, Sample> {

  private static final long serialVersionUID = 1L;

  /** Samples the job does not count. */
  public static final OutputTag<DeadLetter> REJECTED =
      new OutputTag<>("rejected-samples", TypeInformation.of(DeadLetter.class));

  private final String jobName;
  private final String topic;
  private transient Counter invalidSamples;
  private transient Counter samplesTooLate;

  /**
   * @param jobName the job named in dead letters
   * @param topic the topic named in dead letters
   */
  public SampleScreen(String jobName, String topic) {
    this.jobName = jobName;
    this.topic = topic;
  }

  @Override
  public void open(OpenContext openContext) {
    invalidSamples = getRuntimeContext().getMetricGroup().counter("invalidSamples");
    samplesTooLate = getRuntimeContext().getMetricGroup().counter("samplesTooLate");
  }

  @Override
  public void processElement(Sample sample, Context ctx, Collector<Sample> out) {
    Optional<String> problem = SampleRules.problemWith(sample);
    if (problem.isPresent()) {
      invalidSamples.inc();
      reject(ctx, sample, "invalid sample, " + problem.get());
      return;
    }
    Optional<String> late = Lateness.tooLate(sample);
    if (late.isPresent()) {
      samplesTooLate.inc();
      reject(ctx, sample, late.get());
      return;
    }
    out.collect(sample);
  }

  private void reject(Context ctx, Sample sample, String reason) {
    ctx.output(
        REJECTED,
        SampleDeadLetters.of(
            jobName, topic, sample, reason, Instant.ofEpochMilli(System.currentTimeMillis())));
  }
}
