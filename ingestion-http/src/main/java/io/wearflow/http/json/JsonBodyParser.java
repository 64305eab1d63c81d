package io.wearflow.http.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.http.problem.ApiException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses a request body into a tree, or fails with a 400 problem that says where the JSON broke:
 * line and column, and the JSON pointer of the value being read when it broke (so a NaN in the 18th
 * sample reads {@code /data/17/value}). Types are not coerced here: validators read the tree.
 */
public final class JsonBodyParser {

  private final ObjectMapper mapper;

  public JsonBodyParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * @throws ApiException 400 {@code malformed-json} for an empty body or broken JSON
   */
  public JsonNode parse(byte[] body) {
    JsonParser parser = null;
    try {
      parser = mapper.createParser(body);
      JsonNode tree = mapper.readTree(parser);
      if (tree == null || tree.isMissingNode()) {
        throw ApiException.malformedJson(
            "The request body is empty; a JSON document is expected.", null);
      }
      if (parser.nextToken() != null) {
        throw malformed(
            "Unexpected content after the JSON value", parser.currentLocation(), parser);
      }
      if (!isWellFormedUtf8(body)) {
        // Jackson decodes some ill-formed sequences (overlong forms such as C0 AF for '/').
        throw ApiException.malformedJson("The request body is not well-formed UTF-8.", null);
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw malformed(e.getOriginalMessage(), e.getLocation(), parser);
    } catch (IOException e) {
      // A byte array cannot fail to read; anything else is a broken document.
      throw ApiException.malformedJson("The request body cannot be read as JSON.", null);
    } finally {
      closeQuietly(parser);
    }
  }

  /**
   * A streaming parser over {@code body} with the same configuration (strict duplicate detection,
   * no NaN) as {@link #parse}, for readers that skip the tree; they must still check {@link
   * #isWellFormedUtf8} and the absence of trailing content.
   */
  public JsonParser streamingParser(byte[] body) throws IOException {
    return mapper.createParser(body);
  }

  /** Whether {@code body} is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates). */
  public static boolean isWellFormedUtf8(byte[] body) {
    if (isAscii(body)) {
      return true;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static ApiException malformed(String reason, JsonLocation location, JsonParser parser) {
    StringBuilder detail = new StringBuilder("Malformed JSON");
    if (location != null && location.getLineNr() > 0) {
      detail
          .append(" at line ")
          .append(location.getLineNr())
          .append(", column ")
          .append(location.getColumnNr());
    }
    detail.append(": ").append(firstLine(reason));
    String pointer = parser == null ? "" : parser.getParsingContext().pathAsPointer().toString();
    // At the root a pointer adds nothing to line and column.
    return ApiException.malformedJson(detail.toString(), pointer.isEmpty() ? null : pointer);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable document";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static void closeQuietly(JsonParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // in-memory parser
      }
    }
  }
}
