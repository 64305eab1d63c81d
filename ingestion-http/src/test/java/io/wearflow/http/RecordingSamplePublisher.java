package io.wearflow.http;

import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.http.samples.SamplePublisher;
import io.wearflow.schemas.samples.Sample;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Kafka at the edge's boundary: records every published batch, or fails like an
 * unavailable broker. Real-Kafka publishing is tested in the infra module.
 */
final class RecordingSamplePublisher implements SamplePublisher {

  final List<List<Sample>> batches = new CopyOnWriteArrayList<>();
  volatile boolean unavailable;

  @Override
  public void publish(List<Sample> samples) {
    if (unavailable) {
      throw new KafkaUnavailableException(
          "Kafka did not acknowledge within 5000 ms", new RuntimeException("test"));
    }
    batches.add(List.copyOf(samples));
  }
}
