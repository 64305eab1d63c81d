package io.wearflow.http.samples;

import io.wearflow.schemas.samples.Sample;
import java.util.List;

/**
 * Writes accepted samples to the {@code samples} topic. The HTTP edge answers 2xx only after {@link
 * #publish} returned, so an implementation returns only once every record is durable.
 */
public interface SamplePublisher {

  /**
   * Publishes every record and blocks until all are acknowledged.
   *
   * @throws KafkaUnavailableException when any record was not acknowledged within the publish
   *     timeout (some may have been written: clients retry, and downstream deduplication makes the
   *     retry harmless)
   */
  void publish(List<Sample> samples);
}
