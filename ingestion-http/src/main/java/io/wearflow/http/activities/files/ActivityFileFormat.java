package io.wearflow.http.activities.files;

import java.util.Locale;
import java.util.Optional;

/** The activity file formats the upload accepts, recognised by the file name's extension. */
public enum ActivityFileFormat {
  FIT(".fit"),
  CSV(".csv");

  private final String extension;

  ActivityFileFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  public static Optional<ActivityFileFormat> ofFileName(String fileName) {
    if (fileName == null) {
      return Optional.empty();
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (ActivityFileFormat format : values()) {
      if (lower.endsWith(format.extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
