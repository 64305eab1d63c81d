package io.wearflow.http.activities.upload;

import jakarta.servlet.MultipartConfigElement;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.server.MultiPartFormInputStream;

/**
 * A {@code multipart/form-data} body (RFC 7578), parsed from bytes the edge already read within its
 * size limit. The edge hands the bytes to Jetty's parser rather than letting the servlet container
 * read the request again: the Idempotency-Key check has already consumed the body (it hashes it),
 * and the size limit stays the one every write endpoint has.
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

  /** Parts are never written to disk: the threshold is above any body the edge accepts. */
  private static final MultipartConfigElement IN_MEMORY =
      new MultipartConfigElement(null, -1, -1, Integer.MAX_VALUE);

  private static final File TEMP_DIR = new File(System.getProperty("java.io.tmpdir"));

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

  /**
   * The parts of {@code body}, fields in order, parsed by Jetty's multipart parser (the one the
   * servlet container would use), entirely in memory: the body was already read within the edge's
   * size limit.
   */
  public static List<Part> parse(byte[] body, String contentType) {
    MultiPartFormInputStream parser =
        new MultiPartFormInputStream(
            new ByteArrayInputStream(body), contentType, IN_MEMORY, TEMP_DIR);
    try {
      List<Part> parts = new ArrayList<>();
      for (jakarta.servlet.http.Part part : parser.getParts()) {
        try (InputStream content = part.getInputStream()) {
          parts.add(new Part(part.getName(), part.getSubmittedFileName(), content.readAllBytes()));
        }
      }
      return parts;
    } catch (IOException | RuntimeException e) {
      throw new MalformedException(e.getMessage() == null ? e.toString() : e.getMessage());
    } finally {
      parser.deleteParts();
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
