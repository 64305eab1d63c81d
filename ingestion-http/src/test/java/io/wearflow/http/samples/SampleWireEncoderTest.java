package io.wearflow.http.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SampleWireEncoderTest {

  /** The id the stand-in registry hands out: several bytes wide, to check the header's order. */
  private static final int SCHEMA_ID = 0x01020304;

  private HttpServer registry;
  private ConfluentAvroSerializer<Sample> serializer;

  @BeforeEach
  void startRegistry() throws IOException {
    // Answers every registration with SCHEMA_ID, as a Confluent-compatible registry would.
    registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    registry.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] answer = ("{\"id\": " + SCHEMA_ID + "}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    registry.start();
    String url = "http://127.0.0.1:" + registry.getAddress().getPort();
    serializer =
        new ConfluentAvroSerializer<>(
            new SchemaRegistryClient(SchemaRegistryConfig.of(url)),
            Topics.SAMPLES.valueSubject(),
            Sample.class);
  }

  @AfterEach
  void stopRegistry() {
    registry.stop(0);
  }

  @Test
  void theSampleSchemaIsWrittenDirectly() {
    assertThat(SampleWireEncoder.layout(Sample.getClassSchema()))
        .isEqualTo(SampleWireEncoder.LAYOUT);
    assertThat(SampleWireEncoder.supports(Sample.getClassSchema())).isTrue();
  }

  @Test
  void anotherLayoutIsLeftToTheGenericWriter() {
    Schema reordered =
        SchemaBuilder.record("Sample")
            .fields()
            .requiredString("source")
            .requiredLong("user_id")
            .endRecord();
    assertThat(SampleWireEncoder.supports(reordered)).isFalse();
    assertThat(SampleWireEncoder.supports(Schema.create(Schema.Type.STRING))).isFalse();
  }

  @Test
  void bytesEqualTheGenericSerializersForNullAndSetOptionalFields() {
    Instant start = Instant.parse("2023-11-01T04:04:51Z");
    Sample bare = sample(42L, "iPhone", null, start, start, 14_400, 14.0, null, null, 0);
    Sample full =
        sample(
            Long.MAX_VALUE,
            "Apple Watch Ultra",
            "17.0.3",
            start,
            start.plusSeconds(59),
            -34_200,
            299.5,
            "SN-0042",
            "Europe/Paris",
            23);
    SampleWireEncoder encoder = new SampleWireEncoder();

    for (Sample sample : List.of(bare, full)) {
      byte[] expected = serializer.serialize(sample);
      byte[] actual = encoder.encode(sample, serializer.schemaId());
      assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(expected));
      assertThat(decode(actual)).isEqualTo(sample);
    }
    // Hand-checked prefix of the bare record: magic byte, id 0x01020304, user 42 (zig-zag 84),
    // "samples-v1.1" (length 12, zig-zag 24), "iPhone" (6 -> 12), device_version null (0).
    assertThat(HexFormat.of().formatHex(encoder.encode(bare, SCHEMA_ID)))
        .startsWith(
            "0001020304"
                + "54"
                + "18"
                + HexFormat.of().formatHex("samples-v1.1".getBytes(StandardCharsets.UTF_8))
                + "0c"
                + HexFormat.of().formatHex("iPhone".getBytes(StandardCharsets.UTF_8))
                + "00");
  }

  @Test
  void bytesEqualTheGenericSerializersForVariedRecords() {
    Random random = new Random(7);
    String[] names = {
      "", "iPhone", "Polar H10 \u00e9\u4e2d\ud83d\ude00", "x".repeat(300), "\ud800"
    };
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      Instant start = Instant.ofEpochMilli(random.nextLong() % 253_402_300_799_999L);
      samples.add(
          sample(
              random.nextLong(),
              names[random.nextInt(names.length)],
              random.nextBoolean() ? null : names[random.nextInt(names.length)],
              start,
              start.plusMillis(random.nextInt(Integer.MAX_VALUE)),
              random.nextInt(),
              random.nextBoolean() ? random.nextInt(30_001) : random.nextDouble() * 300,
              random.nextBoolean() ? null : names[random.nextInt(names.length)],
              random.nextBoolean() ? null : "America/St_Johns",
              random.nextInt(24)));
    }
    SampleWireEncoder encoder = new SampleWireEncoder();
    for (Sample sample : samples) {
      assertThat(encoder.encode(sample, serializer.schemaId()))
          .as(sample.toString())
          .isEqualTo(serializer.serialize(sample));
    }
  }

  private static Sample decode(byte[] wire) {
    try {
      return new SpecificDatumReader<Sample>(Sample.class)
          .read(
              null,
              DecoderFactory.get()
                  .binaryDecoder(new ByteArrayInputStream(wire, 5, wire.length - 5), null));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Sample sample(
      long userId,
      String deviceName,
      String deviceVersion,
      Instant start,
      Instant end,
      int offsetSeconds,
      double value,
      String deviceId,
      String zoneId,
      int dayStartHour) {
    return Sample.newBuilder()
        .setUserId(userId)
        .setSource(SampleRecordMapper.SOURCE)
        .setDeviceName(deviceName)
        .setDeviceVersion(deviceVersion)
        .setDataType("steps")
        .setStartTime(start)
        .setEndTime(end)
        .setZoneOffsetSeconds(offsetSeconds)
        .setUnit("count")
        .setValue(value)
        .setReceivedAt(Instant.parse("2023-11-01T10:00:00.123Z"))
        .setDeviceId(deviceId)
        .setZoneId(zoneId)
        .setDayStartHour(dayStartHour)
        .build();
  }
}
