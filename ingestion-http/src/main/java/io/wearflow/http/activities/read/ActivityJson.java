package io.wearflow.http.activities.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.connectors.postgres.RecordedActivity;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders a recorded activity as the reference's ActivitySummary (listings) or ActivityDetails
 * (adds {@code distance}, {@code devices} and wearflow's {@code quality}): instants in UTC, {@code
 * start_local}/{@code end_local} at the activity's own offset, {@code duration} as an ISO-8601
 * duration, the stored {@code summary}, {@code laps} and {@code app_metadata} documents unchanged,
 * {@code traces} null.
 */
final class ActivityJson {

  private final ObjectMapper mapper;

  ActivityJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode summary(RecordedActivity activity) {
    return render(activity, false);
  }

  ObjectNode details(RecordedActivity activity) {
    return render(activity, true);
  }

  private ObjectNode render(RecordedActivity a, boolean details) {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(a.localOffsetSeconds());
    ObjectNode node = mapper.createObjectNode();
    node.set("tags", strings(a.tags()));
    node.put("id", a.id());
    node.put("sport", a.sport());
    node.put("start", a.start().toString());
    node.put("end", a.end().toString());
    node.set("metrics", strings(a.metrics()));
    node.put("source_id", a.sourceId());
    node.set("summary", document(a.summaryJson()));
    node.set("laps", document(a.lapsJson()));
    node.set("traces", NullNode.getInstance());
    node.set("app_metadata", document(a.appMetadataJson()));
    if (details) {
      if (a.distance() == null) {
        node.set("distance", NullNode.getInstance());
      } else {
        node.put("distance", a.distance());
      }
      node.set("devices", strings(a.devices()));
      // wearflow's addition: what the spike guard removed, per metric (readings outside the
      // physiological bounds are flagged here rather than silently kept or dropped).
      node.set("quality", document(a.qualityJson()));
    }
    node.put("duration", Duration.between(a.start(), a.end()).toString());
    node.put("start_local", local(a.start(), offset));
    node.put("end_local", local(a.end(), offset));
    return node;
  }

  private static String local(Instant instant, ZoneOffset offset) {
    // Always with seconds (RFC 3339): OffsetDateTime.toString() would drop ":00".
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
  }

  private ArrayNode strings(List<String> values) {
    ArrayNode array = mapper.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private JsonNode document(String json) {
    if (json == null) {
      return NullNode.getInstance();
    }
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored activity JSON is not JSON", e);
    }
  }
}
