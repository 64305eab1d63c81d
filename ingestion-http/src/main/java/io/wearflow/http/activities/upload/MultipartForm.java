package io.wearflow.http.activities.upload;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578), parsed from bytes the edge already read within its
 * size limit. The edge parses the bytes itself rather than letting the servlet container read the
 * request again: the Idempotency-Key check has already consumed the body (it hashes it), and the
 * size limit stays the one every write endpoint has.
 */
public final class MultipartForm {

  /**
   * One part of the form.
   *
   * @param name the form field's name
   * @param fileName the uploaded file's name; null for a plain field
   * @param content the part's bytes
   */
  public record Part(String name, String fileName, byte[] content) {

    /** The content as UTF-8 text (plain fields). */
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /** The body is not multipart/form-data, or not well-formed. */
  public static final class MalformedException extends RuntimeException {
    MalformedException(String message) {
      super(message);
    }
  }

  private MultipartForm() {}

  /** The boundary of a {@code multipart/form-data} Content-Type; empty for any other media type. */
  public static Optional<String> boundary(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String[] parameters = contentType.split(";");
    if (!parameters[0].trim().toLowerCase(Locale.ROOT).equals("multipart/form-data")) {
      return Optional.empty();
    }
    for (int i = 1; i < parameters.length; i++) {
      String parameter = parameters[i].trim();
      int equals = parameter.indexOf('=');
      if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
        String value = unquote(parameter.substring(equals + 1).trim());
        return value.isEmpty() || value.length() > 200 ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The parts of {@code body}, in order. */
  public static List<Part> parse(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int position = indexOf(body, delimiter, 0);
    if (position < 0) {
      throw new MalformedException("the body has no part delimited by its boundary");
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      int p = position + delimiter.length;
      if (startsWith(body, p, "--")) {
        return parts;
      }
      while (p < body.length && (body[p] == ' ' || body[p] == '\t')) {
        p++;
      }
      if (!startsWith(body, p, "\r\n")) {
        throw new MalformedException("a boundary line is not followed by a line break");
      }
      int headersStart = p + 2;
      int headersEnd =
          indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) {
        throw new MalformedException("a part's headers do not end");
      }
      int contentStart = headersEnd + 4;
      int next = indexOf(body, nextDelimiter, headersStart);
      if (next < 0) {
        throw new MalformedException("the body ends before its closing boundary");
      }
      if (next < headersEnd) {
        // A part without content and without the blank line: headers run into the delimiter.
        throw new MalformedException("a part's headers do not end");
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      parts.add(part(headers, Arrays.copyOfRange(body, contentStart, next)));
      position = next + 2;
    }
  }

  private static Part part(String headers, byte[] content) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
        return disposition(line.substring(colon + 1), content);
      }
    }
    throw new MalformedException("a part has no Content-Disposition header");
  }

  private static Part disposition(String value, byte[] content) {
    List<String> parameters = splitParameters(value);
    if (!parameters.get(0).trim().equalsIgnoreCase("form-data")) {
      throw new MalformedException("a part's Content-Disposition is not form-data");
    }
    String name = null;
    String fileName = null;
    String extendedFileName = null;
    for (String parameter : parameters.subList(1, parameters.size())) {
      int equals = parameter.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      String raw = parameter.substring(equals + 1).trim();
      switch (key) {
        case "name" -> name = unquote(raw);
        case "filename" -> fileName = unquote(raw);
        case "filename*" -> extendedFileName = extended(raw);
        default -> {}
      }
    }
    if (name == null) {
      throw new MalformedException("a part has no name");
    }
    return new Part(name, extendedFileName != null ? extendedFileName : fileName, content);
  }

  /** Splits at semicolons outside double quotes. */
  private static List<String> splitParameters(String value) {
    List<String> parameters = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted && c == '\\' && i + 1 < value.length()) {
        current.append(c).append(value.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        parameters.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parameters.add(current.toString());
    return parameters;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < value.length() - 1; i++) {
        char c = value.charAt(i);
        if (c == '\\' && i + 1 < value.length() - 1) {
          c = value.charAt(++i);
        }
        out.append(c);
      }
      return out.toString();
    }
    return value;
  }

  /** RFC 5987 {@code UTF-8''na%C3%AFve.fit}; null when not UTF-8 or not decodable. */
  private static String extended(String value) {
    int quote = value.indexOf("''");
    if (quote < 0 || !value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
      return null;
    }
    try {
      return URLDecoder.decode(
          value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] body, int at, String ascii) {
    if (at + ascii.length() > body.length) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (body[at + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] needle, int from) {
    outer:
    for (int i = from; i <= body.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (body[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
