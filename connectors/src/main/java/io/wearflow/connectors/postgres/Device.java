package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.Objects;

/**
 * A tracking device (a GPS/LPS vest, a watch) owned by a manager; frames are posted to it by its
 * owner.
 *
 * @param id device id
 * @param ownerId the manager owning it
 * @param name display name, at most 200 characters
 * @param externalId the owner's own id for it, if any
 * @param model the hardware model, if known
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Device(
    long id,
    long ownerId,
    String name,
    String externalId,
    String model,
    Instant createdAt,
    Instant updatedAt) {

  public Device {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
