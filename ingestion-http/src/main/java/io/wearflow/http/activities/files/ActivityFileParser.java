package io.wearflow.http.activities.files;

import io.wearflow.http.activities.ActivityValidationException;
import java.util.List;

/**
 * Entry point for uploaded activity files: picks the parser by file name ({@code .fit} or {@code
 * .csv}) and validates the upload's {@code sport} field. Every failure is an {@link
 * ActivityValidationException} whose errors are located like the reference's validation errors
 * ({@code ["body", "files", i, ...]}, {@code ["body", "sport"]}).
 */
public final class ActivityFileParser {

  private ActivityFileParser() {}

  /**
   * Parses one uploaded file.
   *
   * @param fileIndex position of the file in the request's {@code files}, for error locations
   * @param requestSport the request's sport ({@link #sport(String)}), or null; required for CSV
   *     files without a {@code sport} column
   */
  public static ParsedActivity parse(
      int fileIndex, String fileName, byte[] content, Sport requestSport) {
    List<Object> loc = List.of("body", "files", fileIndex);
    ActivityFileFormat format =
        ActivityFileFormat.ofFileName(fileName)
            .orElseThrow(
                () ->
                    ActivityValidationException.of(
                        loc,
                        "Unsupported file type '" + fileName + "': expected a .fit or .csv file",
                        "value_error"));
    if (content.length == 0) {
      throw ActivityValidationException.of(loc, "The file is empty", "value_error");
    }
    return switch (format) {
      case FIT -> FitActivityParser.parse(fileIndex, content, requestSport);
      case CSV -> CsvActivityParser.parse(fileIndex, content, requestSport);
    };
  }

  /** The upload's {@code sport} form field: null when absent or blank, else a known sport. */
  public static Sport sport(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Sport.fromWireName(value.trim())
        .orElseThrow(
            () ->
                ActivityValidationException.of(
                    List.of("body", "sport"), Sport.expectation(), "enum"));
  }
}
