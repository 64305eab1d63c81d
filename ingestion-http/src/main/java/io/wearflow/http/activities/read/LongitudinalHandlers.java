package io.wearflow.http.activities.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wearflow.connectors.postgres.RecordedActivityStore.ActivitySeries;
import io.wearflow.connectors.postgres.RecordedActivityStore.DailyAwd;
import io.wearflow.connectors.postgres.RecordedActivityStore.LongitudinalBest;
import io.wearflow.http.activities.read.ActivityQuery.Format;
import io.wearflow.http.auth.BearerAuthenticator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The longitudinal analyses over the token's own activities in a range of local dates ({@link
 * DateRange}), answered as Parquet ({@code format=parquet}, the default) or a JSON array of rows
 * with the same columns ({@code format=json}); an empty range answers zero rows.
 *
 * <pre>
 * GET /api/v1/activities/longitudinal-mean-max
 *     metric (default power), durations (default DurationGrid.STANDARD), sport, start/end
 *     (date/window_days deprecated), format
 *     columns duration_s int32, value double, activity_id string, activity_start and window_start
 *     timestamp-millis (UTC); one row per duration some activity in range covers
 * GET /api/v1/activities/longitudinal-accumulated-work-duration
 *     metric (default power), sport, start/end (date/window_days), format
 *     columns level double, max/hard/medium/easy int64 seconds (see AwdPercentiles)
 * GET /api/v1/activities/longitudinal-data
 *     metrics (default power, speed, heart_rate; duration always), sport, start/end,
 *     adaptive_sampling_on, format
 *     columns activity_id string, timestamp timestamp-millis, duration int32 (seconds since the
 *     activity's start), then one nullable double per metric; oldest activity first
 * </pre>
 */
final class LongitudinalHandlers {

  static final String MEAN_MAX_PATH = "/api/v1/activities/longitudinal-mean-max";
  static final String AWD_PATH = "/api/v1/activities/longitudinal-accumulated-work-duration";
  static final String DATA_PATH = "/api/v1/activities/longitudinal-data";

  static final Schema MEAN_MAX_SCHEMA =
      SchemaBuilder.record("longitudinal_mean_max")
          .namespace("io.wearflow.answers")
          .fields()
          .requiredInt("duration_s")
          .requiredDouble("value")
          .requiredString("activity_id")
          .name("activity_start")
          .type(timestampMillis())
          .noDefault()
          .name("window_start")
          .type(timestampMillis())
          .noDefault()
          .endRecord();

  static final Schema AWD_SCHEMA =
      SchemaBuilder.record("longitudinal_accumulated_work_duration")
          .namespace("io.wearflow.answers")
          .fields()
          .requiredDouble("level")
          .requiredLong("max")
          .requiredLong("hard")
          .requiredLong("medium")
          .requiredLong("easy")
          .endRecord();

  private final RecordedActivities activities;
  private final ObjectMapper mapper;
  private final Clock clock;

  LongitudinalHandlers(RecordedActivities activities, ObjectMapper mapper, Clock clock) {
    this.activities = activities;
    this.mapper = mapper;
    this.clock = clock;
  }

  void meanMax(Context ctx) {
    long user = BearerAuthenticator.principal(ctx).accountId();
    ActivityQuery query = new ActivityQuery(ctx.queryParamMap());
    Metric metric = curveMetric(query);
    List<Integer> durations = query.durations("durations");
    List<String> sports = query.sports();
    DateRange range = DateRange.parse(query, today());
    Format format = query.format();
    query.throwIfAny();
    List<LongitudinalBest> bests =
        activities.longitudinalMeanMax(
            user,
            metric.wireName(),
            sports,
            range.from(),
            range.to(),
            durations == null ? DurationGrid.STANDARD : durations);
    List<GenericRecord> rows = new ArrayList<>();
    for (LongitudinalBest best : bests) {
      GenericRecord row = new GenericData.Record(MEAN_MAX_SCHEMA);
      row.put("duration_s", best.durationSeconds());
      row.put("value", best.value());
      row.put("activity_id", best.activityId());
      row.put("activity_start", best.activityStart().toEpochMilli());
      row.put("window_start", best.windowStart().toEpochMilli());
      rows.add(row);
    }
    answer(ctx, format, MEAN_MAX_SCHEMA, rows);
  }

  void accumulatedWorkDuration(Context ctx) {
    long user = BearerAuthenticator.principal(ctx).accountId();
    ActivityQuery query = new ActivityQuery(ctx.queryParamMap());
    Metric metric = curveMetric(query);
    List<String> sports = query.sports();
    DateRange range = DateRange.parse(query, today());
    Format format = query.format();
    query.throwIfAny();
    List<DailyAwd> days =
        activities.dailyAwd(user, metric.wireName(), sports, range.from(), range.to());
    double levelStep = days.isEmpty() ? 1 : days.get(0).levelStep();
    List<GenericRecord> rows = new ArrayList<>();
    for (AwdPercentiles.Row level :
        AwdPercentiles.of(levelStep, days.stream().map(DailyAwd::secondsAtOrAbove).toList())) {
      GenericRecord row = new GenericData.Record(AWD_SCHEMA);
      row.put("level", level.level());
      row.put("max", level.max());
      row.put("hard", level.hard());
      row.put("medium", level.medium());
      row.put("easy", level.easy());
      rows.add(row);
    }
    answer(ctx, format, AWD_SCHEMA, rows);
  }

  void data(Context ctx) {
    long user = BearerAuthenticator.principal(ctx).accountId();
    ActivityQuery query = new ActivityQuery(ctx.queryParamMap());
    List<Metric> metrics = query.metrics("metrics", ActivityReadHandlers.DEFAULT_DATA_METRICS);
    List<String> sports = query.sports();
    DateRange range = DateRange.parse(query, today());
    boolean adaptive = query.bool("adaptive_sampling_on", false);
    Format format = query.format();
    query.throwIfAny();
    Schema schema = dataSchema(metrics);
    List<GenericRecord> rows = new ArrayList<>();
    for (ActivitySeries activity :
        activities.longitudinalSeries(
            user,
            metrics.stream().map(Metric::wireName).toList(),
            sports,
            range.from(),
            range.to())) {
      SecondColumns columns = SecondColumns.of(activity.start(), activity.series(), metrics);
      for (int second : columns.rows(adaptive)) {
        GenericRecord row = new GenericData.Record(schema);
        row.put("activity_id", activity.activityId());
        row.put("timestamp", (columns.startEpochSecond() + second) * 1000);
        row.put("duration", second);
        columns
            .values()
            .forEach(
                (metric, values) ->
                    row.put(
                        metric.wireName(), Double.isNaN(values[second]) ? null : values[second]));
        rows.add(row);
      }
    }
    answer(ctx, format, schema, rows);
  }

  static Schema dataSchema(List<Metric> metrics) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record("longitudinal_data")
            .namespace("io.wearflow.answers")
            .fields()
            .requiredString("activity_id")
            .name("timestamp")
            .type(timestampMillis())
            .noDefault()
            .requiredInt("duration");
    for (Metric metric : metrics) {
      fields = fields.optionalDouble(metric.wireName());
    }
    return fields.endRecord();
  }

  /** {@code metric} for curves: power by default; distance and altitude have none (422). */
  private static Metric curveMetric(ActivityQuery query) {
    Metric metric = query.metric("metric");
    if (metric == null) {
      return Metric.POWER;
    }
    if (!metric.hasCurves()) {
      query.error(
          "metric",
          "No mean-max curve or accumulated work duration exists for " + metric.wireName(),
          "value_error");
    }
    return metric;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private void answer(Context ctx, Format format, Schema schema, List<GenericRecord> rows) {
    if (format == Format.PARQUET) {
      ctx.contentType(ParquetAnswer.CONTENT_TYPE).result(ParquetAnswer.write(schema, rows));
      return;
    }
    ArrayNode array = mapper.createArrayNode();
    for (GenericRecord row : rows) {
      ObjectNode node = array.addObject();
      for (Schema.Field field : schema.getFields()) {
        Object value = row.get(field.name());
        boolean timestamp = field.schema().getLogicalType() instanceof LogicalTypes.TimestampMillis;
        if (value == null) {
          node.putNull(field.name());
        } else if (timestamp) {
          node.put(field.name(), Instant.ofEpochMilli((Long) value).toString());
        } else {
          node.putPOJO(field.name(), value);
        }
      }
    }
    ctx.json(array);
  }

  private static Schema timestampMillis() {
    return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  }
}
