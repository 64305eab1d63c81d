package io.wearflow.connectors.parquet;

import io.wearflow.connectors.activities.AnalyzedActivity;
import io.wearflow.connectors.activities.ExportedActivityRecord;
import io.wearflow.schemas.activities.ActivityRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The rows of the activity exports. {@code activity_records}: one row per distinct record of an
 * activity, its readings as nullable doubles. {@code mean_max}: one row per activity, metric and
 * duration of its exact mean-max curve that has a window.
 */
final class ActivityExportRows {

  /** Metric columns of an activity record, in the ActivityRecord schema's order. */
  static final List<String> METRIC_COLUMNS =
      List.of(
          "power",
          "heart_rate",
          "speed",
          "cadence",
          "altitude",
          "distance",
          "temperature",
          "core_temperature",
          "smo2");

  static final Schema RECORD_SCHEMA = recordSchema();

  static final Schema MEAN_MAX_SCHEMA =
      SchemaBuilder.record("MeanMaxRow")
          .namespace("io.wearflow.exports")
          .doc("One point of an activity's exact mean-max curve.")
          .fields()
          .requiredString("activity_id")
          .requiredLong("user_id")
          .requiredString("sport")
          .requiredString("metric")
          .name("duration_s")
          .doc("Window length, s.")
          .type()
          .intType()
          .noDefault()
          .name("value")
          .doc("Best average over any duration_s consecutive seconds, in the metric's unit.")
          .type()
          .doubleType()
          .noDefault()
          .name("window_start")
          .doc("Start of that best window (UTC).")
          .type(timestampMillis())
          .noDefault()
          .endRecord();

  private ActivityExportRows() {}

  static GenericRecord recordRow(ExportedActivityRecord exported) {
    ActivityRecord record = exported.record();
    GenericData.Record row = new GenericData.Record(RECORD_SCHEMA);
    row.put("activity_id", record.getActivityId());
    row.put("user_id", record.getUserId());
    row.put("sport", exported.sport());
    row.put("timestamp", record.getTimestamp());
    for (String column : METRIC_COLUMNS) {
      row.put(column, record.get(column));
    }
    return row;
  }

  static List<GenericRecord> meanMaxRows(AnalyzedActivity activity) {
    List<GenericRecord> rows = new ArrayList<>();
    for (AnalyzedActivity.MeanMax curve : activity.meanMax()) {
      double[] best = curve.best();
      for (int d = 1; d <= best.length; d++) {
        if (Double.isNaN(best[d - 1])) {
          continue;
        }
        GenericData.Record row = new GenericData.Record(MEAN_MAX_SCHEMA);
        row.put("activity_id", activity.activityId());
        row.put("user_id", activity.userId());
        row.put("sport", activity.sport());
        row.put("metric", curve.metric());
        row.put("duration_s", d);
        row.put("value", best[d - 1]);
        row.put("window_start", Instant.ofEpochSecond(curve.bestStart()[d - 1]));
        rows.add(row);
      }
    }
    return rows;
  }

  private static Schema recordSchema() {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record("ActivityRecordRow")
            .namespace("io.wearflow.exports")
            .doc("One distinct record of an uploaded activity.")
            .fields()
            .requiredString("activity_id")
            .requiredLong("user_id")
            .requiredString("sport")
            .name("timestamp")
            .doc("When the record was taken (UTC).")
            .type(timestampMillis())
            .noDefault();
    for (String column : METRIC_COLUMNS) {
      Schema.Field field = ActivityRecord.getClassSchema().getField(column);
      fields = fields.name(column).doc(field.doc()).type().optional().doubleType();
    }
    return fields.endRecord();
  }

  private static Schema timestampMillis() {
    return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  }
}
