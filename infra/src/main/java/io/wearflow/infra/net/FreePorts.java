package io.wearflow.infra.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Port helpers for servers that must know their port before they start (Kafka's controller quorum
 * names it in its own configuration). Port 0 in wearflow's configuration means "any free port".
 */
public final class FreePorts {

  private FreePorts() {}

  /** The given port, or a currently free loopback port when it is 0. */
  public static int orFree(int port) {
    return port != 0 ? port : pick();
  }

  /**
   * The given port, or, when it is 0, a loopback port that is free and that nothing answers on
   * right now (a picked port can be taken by another process between the pick and the check; a few
   * picks are tried before giving up).
   */
  public static int orUnused(int port) {
    if (port != 0) {
      return port;
    }
    for (int attempt = 0; attempt < 10; attempt++) {
      int candidate = pick();
      if (!inUse(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no unused loopback port after 10 attempts");
  }

  /** A loopback port that is free right now (another process may take it before we bind). */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** Whether something accepts connections on 127.0.0.1:port. */
  public static boolean inUse(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
