package io.wearflow.infra.bench;

/**
 * When one measured batch of a watched device passed each stage on its way to the readers, epoch ms
 * (0 = not seen): the POST was sent, the edge answered 2xx (the accept), a Kafka consumer
 * configured like the job's source saw its last frame, the timeframe job took the first snapshot
 * that includes it ({@code last_computation} of the data read), the table row carrying it was
 * written ({@code updated_at}, the SSE event's id), and the GET and SSE readers got it. Written by
 * the sender, the Kafka watcher and the two readers of the device; read after the measurement.
 */
final class BatchTrace {

  final long sentAt;
  final long acceptedAt;
  volatile long kafkaAt;
  volatile long getComputedAt;
  volatile long getReadAt;
  volatile long sseComputedAt;
  volatile long sseUpdatedAt;
  volatile long sseReadAt;

  BatchTrace(long sentAt, long acceptedAt) {
    this.sentAt = sentAt;
    this.acceptedAt = acceptedAt;
  }
}
