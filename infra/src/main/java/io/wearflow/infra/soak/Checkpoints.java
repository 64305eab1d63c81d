package io.wearflow.infra.soak;

import io.wearflow.infra.flink.RetainedCheckpoints;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The number of a job's newest completed checkpoint ({@code chk-<n>}), 0 before any. */
public final class Checkpoints {

  private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");

  private Checkpoints() {}

  public static int newest(Path checkpointDir) {
    return RetainedCheckpoints.latest(checkpointDir)
        .map(
            p -> {
              Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
              return m.matches() ? Integer.parseInt(m.group(1)) : 0;
            })
        .orElse(0);
  }
}
