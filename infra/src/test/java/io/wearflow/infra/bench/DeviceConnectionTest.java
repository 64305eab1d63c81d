package io.wearflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceConnectionTest {

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private volatile int status = 202;
  private volatile boolean chunked;
  private volatile boolean closeAfterAnswer;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/devices/7/frames",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          clientPorts.add(exchange.getRemoteAddress().getPort());
          byte[] answer = "{\"accepted\": 2}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          if (closeAfterAnswer) {
            exchange.getResponseHeaders().add("Connection", "close");
          }
          exchange.sendResponseHeaders(status, chunked ? 0 : answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private DeviceConnection connection() {
    return new DeviceConnection(
        "http://127.0.0.1:" + server.getAddress().getPort(), "/v1/devices/7/frames", "tok");
  }

  @Test
  void postsTheBodyWithTheTokenAndReturnsTheStatusOverOneKeptAliveConnection() throws Exception {
    byte[] body = "{\"frames\":[]}xxxx".getBytes(StandardCharsets.US_ASCII);
    try (DeviceConnection connection = connection()) {
      assertThat(connection.post(body, 13)).isEqualTo(202);
      chunked = true;
      assertThat(connection.post(body, 13)).isEqualTo(202);
      chunked = false;
      status = 400;
      assertThat(connection.post(body, 13)).isEqualTo(400);
    }

    assertThat(bodies).containsExactly("{\"frames\":[]}", "{\"frames\":[]}", "{\"frames\":[]}");
    assertThat(authorizations).containsOnly("Bearer tok");
    assertThat(clientPorts).hasSize(1);
  }

  @Test
  void opensANewConnectionAfterTheServerAnsweredConnectionClose() throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
    closeAfterAnswer = true;
    try (DeviceConnection connection = connection()) {
      assertThat(connection.post(body, body.length)).isEqualTo(202);
      assertThat(connection.post(body, body.length)).isEqualTo(202);
    }

    assertThat(bodies).containsExactly("{}", "{}");
    assertThat(clientPorts).hasSize(2);
  }
}
