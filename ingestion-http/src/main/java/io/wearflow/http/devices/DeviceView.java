package io.wearflow.http.devices;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wearflow.connectors.postgres.Device;
import java.time.Instant;

/** A device as the API shows it; {@code owner} is the manager's account id. */
record DeviceView(
    long id,
    String name,
    @JsonProperty("external_id") String externalId,
    String model,
    long owner,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  static DeviceView of(Device device) {
    return new DeviceView(
        device.id(),
        device.name(),
        device.externalId(),
        device.model(),
        device.ownerId(),
        device.createdAt(),
        device.updatedAt());
  }
}
