package io.wearflow.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import io.wearflow.connectors.postgres.StoreException;
import io.wearflow.http.activities.ActivityValidationError;
import io.wearflow.http.activities.ActivityValidationException;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.Problem;
import io.wearflow.http.problem.ProblemType;
import io.wearflow.http.samples.KafkaUnavailableException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become responses: every error the edge answers, including the
 * framework's own (unknown route, 405), leaves as the same {@link Problem} shape. Unexpected
 * exceptions are logged here and answered 500 without any internals.
 */
final class ProblemResponses {

  /** Seconds a client should wait before retrying when Kafka did not acknowledge a write. */
  static final int KAFKA_RETRY_AFTER_SECONDS = 5;

  /** Seconds a client should wait before retrying when the database failed. */
  static final int DATABASE_RETRY_AFTER_SECONDS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

  private final ObjectMapper mapper;

  private ProblemResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Registers the exception handlers on {@code app}. */
  static void register(JavalinDefaultRouting app, ObjectMapper mapper) {
    ProblemResponses responses = new ProblemResponses(mapper);
    app.exception(ApiException.class, (e, ctx) -> responses.write(ctx, e));
    app.exception(
        ActivityValidationException.class,
        (e, ctx) ->
            ctx.status(422)
                .contentType("application/json")
                .result(responses.detailBody(e.errors())));
    app.exception(
        KafkaUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("Kafka did not acknowledge a write: {}", e.getMessage());
          responses.write(
              ctx,
              ApiException.serviceUnavailable(
                  "The event store did not acknowledge the write; nothing is guaranteed to be"
                      + " stored. Retry later.",
                  KAFKA_RETRY_AFTER_SECONDS));
        });
    app.exception(
        StoreException.class,
        (e, ctx) -> {
          LOG.error("Database call failed on {} {}", ctx.method(), ctx.path(), e);
          responses.write(
              ctx,
              ApiException.serviceUnavailable(
                  "The database is unavailable. Retry later.", DATABASE_RETRY_AFTER_SECONDS));
        });
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          int status = e.getStatus();
          responses.write(
              ctx,
              new ApiException(
                  status,
                  ProblemType.forStatus(status),
                  frameworkDetail(status, ctx),
                  List.of(),
                  Map.of()));
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
          responses.write(
              ctx,
              new ApiException(
                  500,
                  ProblemType.INTERNAL_ERROR,
                  "The server failed to handle the request.",
                  List.of(),
                  Map.of()));
        });
  }

  private static String frameworkDetail(int status, Context ctx) {
    return switch (status) {
      case 404 -> "No resource at " + ctx.method() + " " + ctx.path() + ".";
      case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".";
      case 413 -> "The request body is too large.";
      default -> ProblemType.forStatus(status).title() + ".";
    };
  }

  /** The reference's {@code HTTPValidationError}: {@code {"detail": [{"loc", "msg", "type"}]}}. */
  private byte[] detailBody(List<ActivityValidationError> errors) {
    try {
      return mapper.writeValueAsBytes(Map.of("detail", errors));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("cannot render validation errors", impossible);
    }
  }

  private void write(Context ctx, ApiException e) {
    e.headers().forEach(ctx::header);
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(e.toProblem());
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("cannot render a problem", impossible);
    }
    ctx.status(e.status()).contentType(Problem.MEDIA_TYPE).result(body);
  }
}
