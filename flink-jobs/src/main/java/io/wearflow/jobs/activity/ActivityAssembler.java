package io.wearflow.jobs.activity;

import io.wearflow.connectors.activities.AnalyzedActivity;
import io.wearflow.connectors.activities.ExportedActivityRecord;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import io.wearflow.schemas.common.DeadLetter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Collects one activity's records and metadata (keyed by activity id, in any order) and analyses
 * the activity once: when the metadata is there and the distinct record timestamps reach its {@code
 * record_count}. A re-sent record replaces the one with the same timestamp (last wins) and is
 * counted once.
 *
 * <p>States of one activity:
 *
 * <pre>
 *   collecting --(metadata and record_count distinct records)--> done (analysed, records freed)
 *   collecting --(no completion within the timeout)--> nothing kept (a half-failed upload)
 *   done --(late duplicate record, re-sent metadata)--> done (ignored)
 * </pre>
 *
 * Only a small {@code done} marker stays after the analysis, so that duplicates arriving later do
 * not start a new, partial activity. The timeout is a processing-time timer set by the first
 * element; an upload that is published again after it starts over.
 */
public final class ActivityAssembler
    extends KeyedCoProcessFunction<String, ActivityRecord, UploadedActivity, AnalyzedActivity> {

  private static final long serialVersionUID = 1L;

  /** Each distinct record of a completed activity, for the activity_records export. */
  public static final OutputTag<ExportedActivityRecord> RECORDS =
      new OutputTag<>("activity-records", TypeInformation.of(ExportedActivityRecord.class));

  /** Activities the analysis failed on, with the reason and the metadata as Avro JSON. */
  public static final OutputTag<DeadLetter> FAILED =
      new OutputTag<>("failed-activities", TypeInformation.of(DeadLetter.class));

  private final String jobName;
  private final String activitiesTopic;
  private final long timeoutMs;

  private transient MapState<Long, ActivityRecord> records;
  private transient ValueState<Integer> distinct;
  private transient ValueState<UploadedActivity> metadata;
  private transient ValueState<Long> timer;
  private transient ValueState<Boolean> done;
  private transient Counter completed;
  private transient Counter ignored;
  private transient Counter abandoned;

  /**
   * @param jobName named in dead letters
   * @param activitiesTopic the metadata topic, named in dead letters
   * @param timeout how long an incomplete activity is kept after its first element
   */
  public ActivityAssembler(String jobName, String activitiesTopic, Duration timeout) {
    this.jobName = jobName;
    this.activitiesTopic = activitiesTopic;
    this.timeoutMs = timeout.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    records =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "records", Types.LONG, TypeInformation.of(ActivityRecord.class)));
    distinct = getRuntimeContext().getState(new ValueStateDescriptor<>("distinct", Types.INT));
    metadata =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("metadata", TypeInformation.of(UploadedActivity.class)));
    timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.LONG));
    done = getRuntimeContext().getState(new ValueStateDescriptor<>("done", Types.BOOLEAN));
    completed = getRuntimeContext().getMetricGroup().counter("activitiesCompleted");
    ignored = getRuntimeContext().getMetricGroup().counter("lateElementsIgnored");
    abandoned = getRuntimeContext().getMetricGroup().counter("incompleteActivitiesDropped");
  }

  @Override
  public void processElement1(ActivityRecord record, Context ctx, Collector<AnalyzedActivity> out)
      throws Exception {
    if (done.value() != null) {
      ignored.inc();
      return;
    }
    long timestamp = record.getTimestamp().toEpochMilli();
    if (!records.contains(timestamp)) {
      distinct.update(count() + 1);
    }
    records.put(timestamp, record);
    startTimer(ctx);
    completeIfReady(ctx, out);
  }

  @Override
  public void processElement2(
      UploadedActivity activity, Context ctx, Collector<AnalyzedActivity> out) throws Exception {
    if (done.value() != null) {
      ignored.inc();
      return;
    }
    metadata.update(activity);
    startTimer(ctx);
    completeIfReady(ctx, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AnalyzedActivity> out)
      throws Exception {
    abandoned.inc();
    clearCollected();
  }

  private int count() throws IOException {
    Integer value = distinct.value();
    return value == null ? 0 : value;
  }

  private void startTimer(Context ctx) throws IOException {
    if (timer.value() == null) {
      long at = ctx.timerService().currentProcessingTime() + timeoutMs;
      ctx.timerService().registerProcessingTimeTimer(at);
      timer.update(at);
    }
  }

  private void completeIfReady(Context ctx, Collector<AnalyzedActivity> out) throws Exception {
    UploadedActivity activity = metadata.value();
    // More distinct records than announced cannot come from the same file; analyse what is there.
    if (activity == null || count() < activity.getRecordCount()) {
      return;
    }
    List<ActivityRecord> collected = new ArrayList<>(count());
    records.values().forEach(collected::add);
    try {
      out.collect(ActivityResults.of(ActivityAnalyzer.analyze(activity, collected)));
      LocalDate date = ActivityAnalyzer.localDate(activity);
      for (ActivityRecord record : collected) {
        ctx.output(RECORDS, new ExportedActivityRecord(record, activity.getSport(), date));
      }
      completed.inc();
    } catch (RuntimeException e) {
      ctx.output(FAILED, deadLetter(activity, e));
    }
    ctx.timerService().deleteProcessingTimeTimer(timer.value());
    clearCollected();
    done.update(true);
  }

  private void clearCollected() {
    records.clear();
    distinct.clear();
    metadata.clear();
    timer.clear();
  }

  private DeadLetter deadLetter(UploadedActivity activity, RuntimeException e) {
    return DeadLetter.newBuilder()
        .setJob(jobName)
        .setTopic(activitiesTopic)
        .setPartition(-1)
        .setOffset(-1)
        .setKey(ByteBuffer.wrap(activity.getActivityId().getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(json(activity)))
        .setReason("cannot analyse the activity: " + e)
        .setFailedAt(Instant.now())
        .build();
  }

  private static byte[] json(UploadedActivity activity) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(512);
      JsonEncoder encoder =
          EncoderFactory.get().jsonEncoder(UploadedActivity.getClassSchema(), out);
      new SpecificDatumWriter<>(UploadedActivity.class).write(activity, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + activity.getActivityId(), e);
    }
  }
}
