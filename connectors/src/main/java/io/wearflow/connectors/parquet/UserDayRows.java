package io.wearflow.connectors.parquet;

import io.wearflow.schemas.actigraphy.UserDay;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The rows of the {@code user_days} export: the columns of the {@code UserDay} schema plus {@code
 * version}, the day's publication number. Each publication of a day is a row; the current one of a
 * (user_id, local_date) is the row with the largest updated_at, and among rows with the same
 * updated_at the one with the largest version (so simply the largest version).
 */
final class UserDayRows {

  /** Name of the column holding the publication number. */
  static final String VERSION = "version";

  /** The Avro schema of a row. */
  static final Schema SCHEMA = schema();

  private UserDayRows() {}

  static GenericRecord row(PublishedUserDay published) {
    UserDay day = published.day();
    GenericData.Record row = new GenericData.Record(SCHEMA);
    for (Schema.Field field : UserDay.getClassSchema().getFields()) {
      row.put(field.pos(), day.get(field.pos()));
    }
    row.put(VERSION, published.version());
    return row;
  }

  private static Schema schema() {
    Schema day = UserDay.getClassSchema();
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : day.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    fields.add(
        new Schema.Field(
            VERSION,
            Schema.create(Schema.Type.LONG),
            "Publication number of this (user_id, local_date), from 1 on: of two rows of a day,"
                + " the one with the larger version is the later one.",
            (Object) null));
    return Schema.createRecord(
        "UserDayRow",
        "One publication of a user-day (UserDay) with its version.",
        "io.wearflow.exports",
        false,
        fields);
  }
}
