package io.wearflow.http.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the edge refuses, with the HTTP status and problem type it is answered with. Handlers
 * throw it; {@link ProblemResponses} turns it into the problem+json response in one place. It
 * carries no stack trace: it is an answer, not a failure of the server.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final ProblemType type;
  private final List<FieldError> errors;
  private final Map<String, String> headers;

  public ApiException(int status, ProblemType type, String detail) {
    this(status, type, detail, List.of(), Map.of());
  }

  public ApiException(
      int status,
      ProblemType type,
      String detail,
      List<FieldError> errors,
      Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(new LinkedHashMap<>(headers));
  }

  public static ApiException malformedJson(String detail, String pointer) {
    List<FieldError> errors =
        pointer == null ? List.of() : List.of(new FieldError(pointer, "is not valid JSON"));
    return new ApiException(400, ProblemType.MALFORMED_JSON, detail, errors, Map.of());
  }

  /** 401 with the {@code WWW-Authenticate} challenge RFC 9110 requires on every 401. */
  public static ApiException unauthorized(String detail, String challenge) {
    return new ApiException(
        401, ProblemType.UNAUTHORIZED, detail, List.of(), Map.of("WWW-Authenticate", challenge));
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, ProblemType.FORBIDDEN, detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, ProblemType.NOT_FOUND, detail);
  }

  public static ApiException conflict(String detail, FieldError error) {
    return new ApiException(409, ProblemType.CONFLICT, detail, List.of(error), Map.of());
  }

  public static ApiException payloadTooLarge(long maxBytes) {
    return new ApiException(
        413,
        ProblemType.PAYLOAD_TOO_LARGE,
        "The request body exceeds the limit of " + maxBytes + " bytes.");
  }

  public static ApiException unsupportedMediaType(String contentType) {
    String sent = contentType == null ? "no Content-Type" : "Content-Type '" + contentType + "'";
    return new ApiException(
        415,
        ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "The request body must be sent as application/json (got " + sent + ").");
  }

  /**
   * 415 for a compressed body: the edge reads bodies as sent (no {@code Content-Encoding}), so a
   * gzip body would otherwise be misread as malformed JSON. RFC 9110 asks for {@code
   * Accept-Encoding} on such an answer.
   */
  public static ApiException unsupportedContentEncoding(String contentEncoding) {
    return new ApiException(
        415,
        ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "Content-Encoding '" + contentEncoding + "' is not supported; send the body uncompressed.",
        List.of(),
        Map.of("Accept-Encoding", "identity"));
  }

  public static ApiException serviceUnavailable(String detail, int retryAfterSeconds) {
    return new ApiException(
        503,
        ProblemType.SERVICE_UNAVAILABLE,
        detail,
        List.of(),
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  public int status() {
    return status;
  }

  public ProblemType type() {
    return type;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Response headers that belong to this answer (a challenge, a retry delay). */
  public Map<String, String> headers() {
    return headers;
  }

  public Problem toProblem() {
    return Problem.of(type, status, getMessage(), errors);
  }
}
