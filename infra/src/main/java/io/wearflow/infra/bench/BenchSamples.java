package io.wearflow.infra.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.client.WearflowClient;
import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic measurements of the benchmarks: per user and local day, one steps and one heart
 * rate sample per minute (2,880 per day), each minute-long, none crossing midnight, so that a day's
 * {@code sample_count} is exactly the number of samples sent for it. Deterministic.
 */
final class BenchSamples {

  static final String SOURCE = "samples-v1.1";
  static final String DEVICE = "bench-watch";
  static final ZoneOffset OFFSET = ZoneOffset.ofHours(2);
  static final int PER_DAY = 2 * 1440;

  private BenchSamples() {}

  /** Sample {@code index} (0 to {@link #PER_DAY} - 1) of a user's local day. */
  static Sample sample(long userId, LocalDate day, int index, Instant receivedAt) {
    int minute = index / 2;
    boolean steps = index % 2 == 0;
    Instant start = day.atStartOfDay().toInstant(OFFSET).plusSeconds(60L * minute);
    return Sample.newBuilder()
        .setUserId(userId)
        .setSource(SOURCE)
        .setDeviceName(DEVICE)
        .setDeviceVersion("1.0")
        .setDataType(steps ? "steps" : "bpm")
        .setStartTime(start)
        .setEndTime(start.plusSeconds(60))
        .setZoneOffsetSeconds(OFFSET.getTotalSeconds())
        .setUnit(steps ? "count" : "count/min")
        .setValue(steps ? 20 + minute % 80 : 60 + minute % 90)
        .setReceivedAt(receivedAt)
        .build();
  }

  /** A user's samples of {@code days}, day after day. */
  static List<Sample> userDays(long userId, List<LocalDate> days, Instant receivedAt) {
    List<Sample> samples = new ArrayList<>(days.size() * PER_DAY);
    for (LocalDate day : days) {
      for (int i = 0; i < PER_DAY; i++) {
        samples.add(sample(userId, day, i, receivedAt));
      }
    }
    return samples;
  }

  /**
   * A {@code POST /api/v1.1/samples} body of {@code count} (at most 1,440) steps samples, one per
   * minute of {@code day} from {@code firstMinute}, with the offset {@link #OFFSET}.
   */
  static String stepsBatchJson(LocalDate day, int firstMinute, int count) {
    DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    ObjectNode body = WearflowClient.object().put("data_type", "steps");
    ArrayNode data = body.putArray("data");
    OffsetDateTime midnight = day.atStartOfDay().atOffset(OFFSET);
    for (int i = 0; i < count; i++) {
      int minute = (firstMinute + i) % 1440;
      OffsetDateTime start = midnight.plusMinutes(minute);
      data.addObject()
          .put("device_name", DEVICE)
          .put("device_version", "1.0")
          .put("start_date", start.format(iso))
          .put("end_date", start.plusSeconds(59).format(iso))
          .put("value", 20 + minute % 80)
          .put("unit", "count");
    }
    return body.toString();
  }

  /** The sample the edge makes of minute {@code minute} of {@link #stepsBatchJson}. */
  static Sample stepsAsAccepted(long userId, LocalDate day, int minute, Instant receivedAt) {
    Instant start = day.atStartOfDay().toInstant(OFFSET).plusSeconds(60L * minute);
    return Sample.newBuilder()
        .setUserId(userId)
        .setSource(SOURCE)
        .setDeviceName(DEVICE)
        .setDeviceVersion("1.0")
        .setDataType("steps")
        .setStartTime(start)
        .setEndTime(start.plusSeconds(59))
        .setZoneOffsetSeconds(OFFSET.getTotalSeconds())
        .setUnit("count")
        .setValue(20 + minute % 80)
        .setReceivedAt(receivedAt)
        .build();
  }
}
