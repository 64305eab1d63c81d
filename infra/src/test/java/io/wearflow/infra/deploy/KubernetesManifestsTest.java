package io.wearflow.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.jobs.JobOptions;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Kubernetes manifests in {@code infra/deploy/kubernetes} cannot be applied on the build
 * machine, so they are checked against the code they describe: every topic of {@link Topics} is
 * declared with its cleanup policy, every job has a FlinkDeployment whose entry class exists, and
 * every {@code wearflow.*} setting it passes is an option that job reads (a renamed option would
 * otherwise only fail at submission).
 */
class KubernetesManifestsTest {

  private static final Path MANIFESTS = Path.of("deploy", "kubernetes");

  @Test
  void everyTopicIsDeclaredWithItsCleanupPolicy() throws IOException {
    Map<String, Map<String, Object>> declared = new HashMap<>();
    for (Map<String, Object> doc : documents()) {
      if ("KafkaTopic".equals(doc.get("kind"))) {
        declared.put(name(doc), map(map(doc, "spec"), "config"));
      }
    }
    assertThat(declared.keySet())
        .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
    for (Topic<?> topic : Topics.ALL) {
      Object policy = declared.get(topic.name()).getOrDefault("cleanup.policy", "delete");
      assertThat(policy)
          .as("cleanup.policy of %s", topic.name())
          .isEqualTo(topic.topicConfig().getOrDefault("cleanup.policy", "delete"));
    }
  }

  @Test
  void everyFlinkDeploymentRunsAJobWithOptionsItReads() throws Exception {
    List<String> entryClasses = new ArrayList<>();
    for (Map<String, Object> doc : documents()) {
      if (!"FlinkDeployment".equals(doc.get("kind"))) {
        continue;
      }
      String entryClass = (String) map(map(doc, "spec"), "job").get("entryClass");
      Class<?> job = Class.forName(entryClass);
      assertThat(job.getMethod("main", String[].class)).isNotNull();
      entryClasses.add(entryClass);

      Set<String> known = optionKeys(JobOptions.class);
      try {
        known.addAll(optionKeys(Class.forName(entryClass + "Options")));
      } catch (ClassNotFoundException noOwnOptions) {
        // the job reads only the shared options
      }
      Set<String> passed =
          map(map(doc, "spec"), "flinkConfiguration").keySet().stream()
              .filter(key -> key.startsWith("wearflow."))
              .collect(Collectors.toSet());
      assertThat(known).as("options %s reads (%s)", entryClass, name(doc)).containsAll(passed);
    }
    assertThat(entryClasses)
        .as("one FlinkDeployment per job of the local stack")
        .hasSizeGreaterThanOrEqualTo(3)
        .doesNotHaveDuplicates();
  }

  private static Set<String> optionKeys(Class<?> options) throws IllegalAccessException {
    Set<String> keys = new HashSet<>();
    for (Field field : options.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && ConfigOption.class.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        keys.add(((ConfigOption<?>) field.get(null)).key());
      }
    }
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents() throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MANIFESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file)) {
          for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromReader(reader)) {
            if (doc != null) {
              docs.add((Map<String, Object>) doc);
            }
          }
        }
      }
    }
    assertThat(docs).isNotEmpty();
    return docs;
  }

  private static String name(Map<String, Object> doc) {
    return (String) map(doc, "metadata").get("name");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? Map.of() : (Map<String, Object>) value;
  }
}
