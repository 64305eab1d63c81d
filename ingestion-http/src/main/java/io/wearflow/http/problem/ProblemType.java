package io.wearflow.http.problem;

/**
 * The kinds of problem the edge reports (RFC 9457 {@code type} and {@code title}). Clients branch
 * on {@link #uri()}; the title is a short, fixed summary, the problem's {@code detail} says what
 * went wrong in this occurrence.
 */
public enum ProblemType {
  MALFORMED_JSON("malformed-json", "Malformed JSON"),
  BAD_REQUEST("bad-request", "Bad request"),
  VALIDATION_FAILED("validation-failed", "Validation failed"),
  UNAUTHORIZED("unauthorized", "Unauthorized"),
  FORBIDDEN("forbidden", "Forbidden"),
  NOT_FOUND("not-found", "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
  CONFLICT("conflict", "Conflict"),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused"),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
  SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable"),
  INTERNAL_ERROR("internal-error", "Internal server error");

  /** Every problem type URI starts with this; the slug names the kind. */
  public static final String BASE_URI = "https://wearflow.io/problems/";

  private final String slug;
  private final String title;

  ProblemType(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  public String uri() {
    return BASE_URI + slug;
  }

  public String title() {
    return title;
  }

  /** The type used for an HTTP status raised by the framework itself (unknown route...). */
  public static ProblemType forStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> VALIDATION_FAILED;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    };
  }
}
