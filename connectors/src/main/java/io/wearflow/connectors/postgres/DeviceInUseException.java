package io.wearflow.connectors.postgres;

/** A device cannot be deleted while timeframes still reference it (they name its frames). */
public class DeviceInUseException extends RuntimeException {

  public DeviceInUseException(long deviceId, Throwable cause) {
    super("device " + deviceId + " is still referenced by timeframes", cause);
  }
}
