package io.wearflow.infra.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A deterministic stream of steps samples for the crash-recovery tests and the soak: user {@code u}
 * (an index into the user ids) has samples {@code k = 0, 1, 2, ...}, each a distinct measurement of
 * 59 s (never crossing midnight) on one of {@value #DAYS} recent UTC days. Sample k lies on day
 * {@code k % DAYS} at minute {@code (k / DAYS) % 1440} of device {@code band-<k / 5760>}, so a
 * user's first 5,760 samples fill the days of one device and further ones add devices. The same
 * samples can be written as Avro (to Kafka) or as {@code POST /api/v1.1/samples} bodies.
 */
public final class SampleStream {

  /** The number of days the samples spread over. */
  public static final int DAYS = 4;

  /** Distinct samples per user and device: one per minute of each day. */
  public static final int PER_DEVICE = DAYS * 1440;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  private final List<Long> userIds;
  private final String source;
  private final LocalDate firstDay;
  private final Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  /**
   * @param userIds the users' account ids, in index order
   * @param source the samples' {@code source} (what the edge sets, for samples sent over HTTP)
   * @param firstDay the first of the {@value #DAYS} UTC days
   */
  public SampleStream(List<Long> userIds, String source, LocalDate firstDay) {
    if (userIds.isEmpty()) {
      throw new IllegalArgumentException("a stream needs at least one user");
    }
    this.userIds = List.copyOf(userIds);
    this.source = source;
    this.firstDay = firstDay;
  }

  /** The first day of a stream that ends two days ago: well inside the 8 days accepted. */
  public static LocalDate recentFirstDay() {
    return LocalDate.now(ZoneOffset.UTC).minusDays(DAYS + 1);
  }

  public List<Long> userIds() {
    return userIds;
  }

  public int users() {
    return userIds.size();
  }

  /** User u's k-th sample, as the edge writes it to Kafka. */
  public Sample sample(int u, int k) {
    Instant start = start(k);
    return Sample.newBuilder()
        .setUserId(userIds.get(u))
        .setSource(source)
        .setDeviceName(device(k))
        .setDeviceVersion("1.0")
        .setDataType("steps")
        .setStartTime(start)
        .setEndTime(start.plusSeconds(59))
        .setZoneOffsetSeconds(0)
        .setUnit("count")
        .setValue(value(u, k))
        .setReceivedAt(receivedAt)
        .build();
  }

  /** The {@code POST /api/v1.1/samples} body of user u's samples {@code first} to first+count-1. */
  public String batchJson(int u, int first, int count) {
    ObjectNode body = JSON.createObjectNode().put("data_type", "steps");
    ArrayNode data = body.putArray("data");
    for (int k = first; k < first + count; k++) {
      Instant start = start(k);
      data.addObject()
          .put("device_name", device(k))
          .put("device_version", "1.0")
          .put("start_date", ISO.format(start.atOffset(ZoneOffset.UTC)))
          .put("end_date", ISO.format(start.plusSeconds(59).atOffset(ZoneOffset.UTC)))
          .put("value", value(u, k))
          .put("unit", "count");
    }
    return body.toString();
  }

  private Instant start(int k) {
    int inDevice = k % PER_DEVICE;
    LocalDate day = firstDay.plusDays(inDevice % DAYS);
    int minute = inDevice / DAYS;
    return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60L * minute);
  }

  private static String device(int k) {
    return "band-" + k / PER_DEVICE;
  }

  private static long value(int u, int k) {
    return (u * 7L + k * 13L) % 200 + 1;
  }
}
