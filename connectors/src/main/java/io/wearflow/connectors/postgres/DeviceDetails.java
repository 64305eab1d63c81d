package io.wearflow.connectors.postgres;

import java.util.Objects;

/**
 * What a device's owner writes on create and replace.
 *
 * @param name display name (required)
 * @param externalId the owner's own id for the device, or null
 * @param model the hardware model, or null
 */
public record DeviceDetails(String name, String externalId, String model) {

  public DeviceDetails {
    Objects.requireNonNull(name, "name");
  }
}
