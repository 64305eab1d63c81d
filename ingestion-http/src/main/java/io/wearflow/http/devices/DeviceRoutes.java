package io.wearflow.http.devices;

import io.javalin.router.JavalinDefaultRouting;
import io.wearflow.http.auth.Access;
import io.wearflow.http.json.JsonRequestReader;
import java.time.Clock;

/** Registers the device and tracking-frame routes (see {@link DeviceHandlers}). */
public final class DeviceRoutes {

  private DeviceRoutes() {}

  public static void register(
      JavalinDefaultRouting router,
      JsonRequestReader reader,
      Devices devices,
      TrackingPublisher publisher,
      Clock clock) {
    DeviceHandlers handlers =
        new DeviceHandlers(reader, devices, new TrackingFramesValidator(), publisher, clock);
    router.get(DeviceHandlers.LIST_PATH, handlers::list, Access.AUTHENTICATED);
    router.post(DeviceHandlers.LIST_PATH, handlers::create, Access.AUTHENTICATED);
    router.get(DeviceHandlers.ITEM_PATH, handlers::get, Access.AUTHENTICATED);
    router.put(DeviceHandlers.ITEM_PATH, handlers::replace, Access.AUTHENTICATED);
    router.delete(DeviceHandlers.ITEM_PATH, handlers::delete, Access.AUTHENTICATED);
    router.post(DeviceHandlers.FRAMES_PATH, handlers::postFrames, Access.AUTHENTICATED);
  }
}
