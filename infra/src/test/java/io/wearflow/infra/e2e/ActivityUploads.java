package io.wearflow.infra.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.wearflow.infra.generate.Athlete;
import io.wearflow.infra.generate.CsvActivityWriter;
import io.wearflow.infra.generate.FitActivityWriter;
import io.wearflow.infra.generate.GeneratedActivity;
import io.wearflow.infra.generate.GeneratedActivity.Sample;
import io.wearflow.infra.generate.PlannedSession;
import io.wearflow.infra.generate.SessionKind;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Small hand-built recorded activities for end-to-end tests of {@code POST
 * /api/v1/activities/upload}, as FIT or CSV bytes (written by the generator's writers), and the
 * {@code multipart/form-data} bodies that carry them.
 */
public final class ActivityUploads {

  /** The boundary of every body {@link #multipart} builds. */
  public static final String BOUNDARY = "wearflow-test-5b1e0c";

  /** The Content-Type of those bodies. */
  public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  /**
   * One part of a multipart body: a file (with a name) or, when {@code fileName} is null, a field.
   */
  public record Part(String name, String fileName, byte[] content) {

    public static Part file(String fileName, byte[] content) {
      return new Part("files", fileName, content);
    }

    public static Part field(String name, String value) {
      return new Part(name, null, value.getBytes(UTF_8));
    }
  }

  private ActivityUploads() {}

  /**
   * A ride of {@code seconds} one-second samples from {@code start} in UTC, one lap: power 200 W
   * plus {@code seed} plus a ramp of 1 W per 10 s, heart rate 130 bpm rising 1 bpm per 10 s, speed
   * 8 m/s. Different seeds give different files (so different activities).
   */
  public static GeneratedActivity ride(Instant start, int seconds, int seed) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < seconds; i++) {
      samples.add(
          new Sample(
              start.plusSeconds(i),
              200 + seed + i / 10,
              130 + i / 10,
              8.0,
              90,
              100.0,
              8.0 * i,
              20,
              1));
    }
    PlannedSession session =
        new PlannedSession(
            0,
            false,
            SessionKind.ENDURANCE_RIDE,
            start.atZone(ZoneOffset.UTC),
            seconds,
            Athlete.startOfSeason(),
            seed);
    return new GeneratedActivity(session, samples, List.of());
  }

  public static byte[] fit(GeneratedActivity activity) {
    return FitActivityWriter.write(activity);
  }

  public static byte[] csv(GeneratedActivity activity) {
    return CsvActivityWriter.write(activity);
  }

  /** A body with {@code parts} in order, with {@link #BOUNDARY}. */
  public static byte[] multipart(List<Part> parts) {
    return multipart(BOUNDARY, parts);
  }

  public static byte[] multipart(String boundary, List<Part> parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      String disposition =
          part.fileName() == null
              ? "form-data; name=\"" + part.name() + "\""
              : "form-data; name=\"" + part.name() + "\"; filename=\"" + part.fileName() + "\"";
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: "
              + disposition
              + (part.fileName() == null ? "" : "\r\nContent-Type: application/octet-stream")
              + "\r\n\r\n";
      body.writeBytes(head.getBytes(UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(UTF_8));
    return body.toByteArray();
  }

  /** A CSV upload of {@code activity} with the sport field {@code cycling}. */
  public static byte[] csvUpload(String fileName, GeneratedActivity activity) {
    return multipart(List.of(Part.file(fileName, csv(activity)), Part.field("sport", "cycling")));
  }
}
