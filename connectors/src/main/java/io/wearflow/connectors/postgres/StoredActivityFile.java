package io.wearflow.connectors.postgres;

import java.util.Objects;

/**
 * The original of an uploaded activity file, as {@code /download} serves it.
 *
 * @param fileName the uploaded file's name
 * @param fileFormat {@code fit} or {@code csv}
 * @param content the bytes exactly as uploaded
 */
public record StoredActivityFile(String fileName, String fileFormat, byte[] content) {

  public StoredActivityFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(fileFormat, "fileFormat");
    Objects.requireNonNull(content, "content");
  }
}
