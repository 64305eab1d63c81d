package io.wearflow.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.wearflow.http.problem.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON body of a write request: 415 unless the Content-Type is {@code application/json}
 * (any parameters such as {@code charset} allowed) and the body is not compressed (no {@code
 * Content-Encoding} but {@code identity}), 413 when the body exceeds the configured limit (checked
 * against Content-Length first, then while reading, so chunked bodies are bounded too), 400 when it
 * is not JSON, 422 when a string holds U+0000 ({@link NulCharacters}).
 */
public final class JsonRequestReader {

  private static final String JSON = "application/json";
  private static final String BODY = "wearflow.body";

  private final JsonBodyParser parser;
  private final long maxBytes;
  private final Map<String, Long> pathLimits;

  public JsonRequestReader(JsonBodyParser parser, long maxBytes) {
    this(parser, maxBytes, Map.of());
  }

  /**
   * @param maxBytes the body limit of every request
   * @param pathLimits other limits for the requests of some paths (without a trailing slash), e.g.
   *     file uploads
   */
  public JsonRequestReader(JsonBodyParser parser, long maxBytes, Map<String, Long> pathLimits) {
    this.parser = parser;
    this.maxBytes = maxBytes;
    this.pathLimits = Map.copyOf(pathLimits);
  }

  /** The body limit of {@code ctx}'s request. */
  private long limit(Context ctx) {
    if (pathLimits.isEmpty()) {
      return maxBytes;
    }
    String path = ctx.path();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return pathLimits.getOrDefault(path, maxBytes);
  }

  public JsonNode read(Context ctx) {
    byte[] body = checkedBody(ctx);
    JsonNode tree = parser.parse(body);
    if (NulCharacters.mayOccurIn(body)) {
      NulCharacters.refuse(tree);
    }
    return tree;
  }

  /**
   * The body after the checks {@link #read} makes before parsing (415 for the media type or
   * encoding, 413 for the size), for handlers that read the JSON themselves ({@link #parser()}).
   */
  public byte[] checkedBody(Context ctx) {
    requireJsonContentType(ctx.header("Content-Type"));
    requireIdentityEncoding(ctx.header("Content-Encoding"));
    long limit = limit(ctx);
    if (ctx.contentLength() > limit) {
      throw ApiException.payloadTooLarge(limit);
    }
    return body(ctx);
  }

  /** The parser {@link #read} uses, with the edge's Jackson configuration. */
  public JsonBodyParser parser() {
    return parser;
  }

  /**
   * The request body, read once within the size limit (413 beyond it) and kept for later readers of
   * the same request (the idempotency check reads it before the handler).
   */
  public byte[] body(Context ctx) {
    byte[] body = ctx.attribute(BODY);
    if (body == null) {
      long limit = limit(ctx);
      if (ctx.contentLength() > limit) {
        throw ApiException.payloadTooLarge(limit);
      }
      body = readLimited(ctx.bodyInputStream(), limit);
      ctx.attribute(BODY, body);
    }
    return body;
  }

  static void requireJsonContentType(String contentType) {
    if (contentType == null) {
      throw ApiException.unsupportedMediaType(null);
    }
    int parameters = contentType.indexOf(';');
    String mediaType =
        (parameters < 0 ? contentType : contentType.substring(0, parameters))
            .trim()
            .toLowerCase(Locale.ROOT);
    if (!mediaType.equals(JSON)) {
      throw ApiException.unsupportedMediaType(contentType);
    }
  }

  static void requireIdentityEncoding(String contentEncoding) {
    if (contentEncoding != null
        && !contentEncoding.isBlank()
        && !contentEncoding.trim().equalsIgnoreCase("identity")) {
      throw ApiException.unsupportedContentEncoding(contentEncoding);
    }
  }

  private static byte[] readLimited(InputStream in, long limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    long total = 0;
    try {
      int read;
      while ((read = in.read(chunk)) != -1) {
        total += read;
        if (total > limit) {
          throw ApiException.payloadTooLarge(limit);
        }
        out.write(chunk, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
    return out.toByteArray();
  }
}
