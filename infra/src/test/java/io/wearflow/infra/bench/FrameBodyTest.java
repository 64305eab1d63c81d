package io.wearflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.infra.simulate.match.PlayerTrack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameBodyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void bodyIsTheJsonOfTheFramesWithTheirExactValues() throws Exception {
    PlayerTrack.Point a = new PlayerTrack.Point(1_700_000_000_000L, 12.34, -0.05, 3.5, 142.7);
    PlayerTrack.Point b = new PlayerTrack.Point(1_700_000_000_040L, -105.1, 68, 0, 90);

    FrameBody body = new FrameBody().clear().add(a).add(b).finish();

    JsonNode frames = JSON.readTree(body.bytes(), 0, body.length()).path("frames");
    assertThat(body.frames()).isEqualTo(2);
    assertThat(frames.size()).isEqualTo(2);
    assertThat(frames.get(0).path("timestamp").asLong()).isEqualTo(1_700_000_000_000L);
    assertThat(frames.get(0).path("x").asDouble()).isEqualTo(12.34);
    assertThat(frames.get(0).path("y").asDouble()).isEqualTo(-0.05);
    assertThat(frames.get(0).path("speed").asDouble()).isEqualTo(3.5);
    assertThat(frames.get(0).path("heart_rate").asDouble()).isEqualTo(142.7);
    assertThat(frames.get(1).path("x").asDouble()).isEqualTo(-105.1);
    assertThat(frames.get(1).path("y").asDouble()).isEqualTo(68.0);
    assertThat(frames.get(1).path("speed").asDouble()).isZero();
    assertThat(frames.get(1).path("heart_rate").asDouble()).isEqualTo(90.0);
  }

  @Test
  void simulatedTrackIsWrittenAsJacksonWouldReadItsValues() throws Exception {
    PlayerTrack track = new PlayerTrack(3, 25, 25);
    List<PlayerTrack.Point> points = new ArrayList<>();
    FrameBody body = new FrameBody().clear();
    for (int i = 0; i < 500; i++) {
      PlayerTrack.Point p = track.next(1_700_000_000_000L + i * 40L);
      points.add(p);
      body.add(p);
    }

    JsonNode frames = JSON.readTree(body.finish().toString()).path("frames");

    assertThat(frames.size()).isEqualTo(points.size());
    for (int i = 0; i < points.size(); i++) {
      PlayerTrack.Point p = points.get(i);
      JsonNode f = frames.get(i);
      assertThat(f.path("timestamp").asLong()).isEqualTo(p.timestamp());
      assertThat(f.path("x").asDouble()).isEqualTo(p.x());
      assertThat(f.path("y").asDouble()).isEqualTo(p.y());
      assertThat(f.path("speed").asDouble()).isEqualTo(p.speed());
      assertThat(f.path("heart_rate").asDouble()).isEqualTo(p.heartRate());
    }
  }

  @Test
  void clearStartsAFreshBody() throws Exception {
    FrameBody body = new FrameBody();
    body.clear().add(new PlayerTrack.Point(1, 1, 1, 1, 100)).finish();

    body.clear().add(new PlayerTrack.Point(2, 2.5, 3, 4, 120)).finish();

    assertThat(body.toString())
        .isEqualTo(
            "{\"frames\":[{\"timestamp\":2,\"x\":2.5,\"y\":3,\"speed\":4,\"heart_rate\":120}]}");
    assertThat(body.frames()).isEqualTo(1);
  }
}
