package io.wearflow.http.controlplane;

import io.wearflow.connectors.postgres.StoreException;
import java.lang.reflect.Proxy;

/** Ports of a wiring without a database: every call fails as an unavailable database (503). */
public final class Unavailable {

  private Unavailable() {}

  public static <T> T proxy(Class<T> port, String what) {
    Object proxy =
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "toString" -> "unavailable " + what;
                  case "hashCode" -> System.identityHashCode(self);
                  default -> self == args[0];
                };
              }
              throw new StoreException(
                  what + " are not wired to a database", new IllegalStateException());
            });
    return port.cast(proxy);
  }
}
