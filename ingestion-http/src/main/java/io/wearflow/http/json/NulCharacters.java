package io.wearflow.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.problem.FieldErrors;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Refuses the character U+0000 anywhere in a request body, in strings and in member names: it is
 * valid JSON ({@code "\u0000"}), but PostgreSQL's {@code text} and {@code jsonb} cannot store it,
 * so a body carrying one would fail in the database (answered 503) instead of being refused as bad
 * input. Every occurrence is a 422 field error at its JSON pointer (the first {@value
 * #MAX_LISTED_ERRORS} listed).
 */
public final class NulCharacters {

  static final int MAX_LISTED_ERRORS = 100;

  private static final String REASON = "must not contain the NUL character (U+0000)";

  private NulCharacters() {}

  /**
   * Whether a document parsed from {@code body} (well-formed UTF-8 JSON) can hold a U+0000: JSON
   * writes it only as the escape {@code \u0000} (a raw NUL byte is malformed, and ill-formed UTF-8
   * such as {@code C0 80} is refused before), so a body without that escape and without a NUL byte
   * needs no walk of its tree. Errs on the side of yes ({@code \\u0000}, {@code \U0000}).
   */
  public static boolean mayOccurIn(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (b == 0) {
        return true;
      }
      if (b == '\\'
          && i + 5 < body.length
          && (body[i + 1] == 'u' || body[i + 1] == 'U')
          && body[i + 2] == '0'
          && body[i + 3] == '0'
          && body[i + 4] == '0'
          && body[i + 5] == '0') {
        return true;
      }
    }
    return false;
  }

  /**
   * @throws io.wearflow.http.problem.ValidationException when {@code body} holds a U+0000
   */
  public static void refuse(JsonNode body) {
    FieldErrors errors = new FieldErrors(MAX_LISTED_ERRORS);
    // Depth-first in document order, with an explicit stack: bodies may nest as deep as the
    // parser allows.
    Deque<Item> pending = new ArrayDeque<>();
    pending.push(new Item("", body, false));
    while (!pending.isEmpty()) {
      Item item = pending.pop();
      JsonNode node = item.node();
      if (item.nulInName() || node.isTextual() && node.textValue().indexOf('\0') >= 0) {
        errors.add(item.at(), REASON);
      } else if (node.isObject()) {
        Deque<Item> members = new ArrayDeque<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          members.push(
              new Item(
                  JsonFields.pointer(item.at(), member.getKey()),
                  member.getValue(),
                  member.getKey().indexOf('\0') >= 0));
        }
        members.forEach(pending::push);
      } else if (node.isArray()) {
        for (int i = node.size() - 1; i >= 0; i--) {
          pending.push(new Item(JsonFields.pointer(item.at(), i), node.get(i), false));
        }
      }
    }
    errors.throwIfAny();
  }

  /** A value still to look at, or a member whose name holds U+0000. */
  private record Item(String at, JsonNode node, boolean nulInName) {}
}
