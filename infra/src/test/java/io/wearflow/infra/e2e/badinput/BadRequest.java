package io.wearflow.infra.e2e.badinput;

import java.util.Map;

/**
 * One malformed request of the corpus and the answer it must get.
 *
 * @param name what is wrong with it, the test's display name
 * @param method HTTP method
 * @param path the path, ids of the test's own resources filled in
 * @param caller whose token goes into the Authorization header
 * @param contentType the Content-Type header, null for none
 * @param headers further request headers (Content-Encoding, Idempotency-Key)
 * @param body the exact body bytes (empty for none)
 * @param status the expected status, always 4xx
 * @param pointer a JSON pointer the problem's {@code errors} must name, null when none is expected
 */
record BadRequest(
    String name,
    String method,
    String path,
    Caller caller,
    String contentType,
    Map<String, String> headers,
    byte[] body,
    int status,
    String pointer) {

  /** Who sends the request. */
  enum Caller {
    NONE,
    ATHLETE,
    MANAGER,
    ADMIN
  }

  BadRequest {
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException(name + ": a bad request must expect a 4xx, not " + status);
    }
  }

  @Override
  public String toString() {
    return method + " " + path + ": " + name;
  }
}
