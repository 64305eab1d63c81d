package io.wearflow.infra.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * One simulated device's HTTP/1.1 connection to the edge: a blocking {@code POST} of a prepared
 * JSON body that returns the answer's status once the whole answer is read. It uses the JDK's
 * blocking {@link HttpURLConnection}, whose keep-alive cache gives each device thread its own
 * persistent connection, rather than the asynchronous {@code HttpClient}: a device posts one batch
 * at a time, and the blocking client costs a fraction of the CPU (no selector thread, no futures),
 * which matters when the load generator shares the 2 cores with the stack it measures.
 */
final class DeviceConnection implements Closeable {

  private final URL url;
  private final String authorization;

  /**
   * @param baseUrl {@code http://host:port}
   * @param path the request target, e.g. {@code /v1/devices/7/frames}
   * @param token bearer token sent with every request
   */
  DeviceConnection(String baseUrl, String path, String token) {
    try {
      this.url = URI.create(baseUrl + path).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(baseUrl + path, e);
    }
    this.authorization = "Bearer " + token;
  }

  /**
   * Posts {@code body[0, length)} and reads the whole answer (so that the connection is kept alive
   * for the next call).
   *
   * @return the answer's status code
   * @throws IOException when the connection fails
   */
  int post(byte[] body, int length) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(60_000);
    connection.setFixedLengthStreamingMode(length);
    connection.setRequestProperty("Authorization", authorization);
    connection.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body, 0, length);
    }
    int status = connection.getResponseCode();
    InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (answer != null) {
      try (answer) {
        answer.transferTo(OutputStream.nullOutputStream());
      }
    }
    return status;
  }

  /**
   * Nothing to release: idle connections stay in the JDK's keep-alive cache until it drops them.
   */
  @Override
  public void close() {}
}
