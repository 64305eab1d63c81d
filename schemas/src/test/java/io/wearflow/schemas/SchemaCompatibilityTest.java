package io.wearflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.schemas.actigraphy.UserDay;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaCompatibilityTest {

  static Stream<Map.Entry<String, Schema>> currentSchemas() {
    Stream<Map.Entry<String, Schema>> topics =
        Topics.ALL.stream().map(topic -> Map.entry(topic.valueSubject(), topic.valueSchema()));
    Stream<Map.Entry<String, Schema>> exports =
        Stream.of(Map.entry("user_day", SpecificData.get().getSchema(UserDay.class)));
    return Stream.concat(topics, exports);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentSchemas")
  void currentSchemaReadsEveryPublishedVersion(Map.Entry<String, Schema> subject) throws Exception {
    List<Path> versions = publishedVersions(subject.getKey());
    assertThat(versions).as("published versions of %s", subject.getKey()).isNotEmpty();
    for (Path version : versions) {
      Schema writer = parse(version);
      var result = SchemaCompatibility.checkReaderWriterCompatibility(subject.getValue(), writer);
      assertThat(result.getType())
          .as("%s must read data written with %s: %s", subject.getKey(), version, result)
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentSchemas")
  void newestPublishedVersionIsTheCurrentSchema(Map.Entry<String, Schema> subject)
      throws Exception {
    List<Path> versions = publishedVersions(subject.getKey());
    Path newest = versions.get(versions.size() - 1);
    // Parsing canonical form: what decides how bytes are read (docs and Java hints stripped).
    assertThat(SchemaNormalization.toParsingForm(parse(newest)))
        .as("copy the changed schema of %s to schema-history as the next version", subject.getKey())
        .isEqualTo(SchemaNormalization.toParsingForm(subject.getValue()));
  }

  private static List<Path> publishedVersions(String subject)
      throws URISyntaxException, IOException {
    Path dir =
        Path.of(SchemaCompatibilityTest.class.getResource("/schema-history/" + subject).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> file.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted(Comparator.comparingInt(SchemaCompatibilityTest::versionNumber))
          .toList();
    }
  }

  private static int versionNumber(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
  }

  private static Schema parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new Schema.Parser().parse(in);
    }
  }
}
