package io.wearflow.infra.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints a job left in its checkpoint directory, laid out by Flink as {@code <dir>/<job
 * id>/chk-<n>/_metadata}. A checkpoint is complete once its {@code _metadata} file exists; the
 * newest one (by the time {@code _metadata} was written, then by number) is where a restarted job
 * resumes. Every job run gets a new job id, so older runs' directories pile up and are pruned once
 * a newer checkpoint exists.
 */
public final class RetainedCheckpoints {

  private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");
  private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

  private RetainedCheckpoints() {}

  /**
   * The directory of the newest completed checkpoint under {@code checkpointDir}, if any.
   *
   * @param checkpointDir the job's checkpoint storage directory (may not exist)
   */
  public static Optional<Path> latest(Path checkpointDir) {
    return completed(checkpointDir).stream().max(NEWEST_LAST).map(Completed::dir);
  }

  /**
   * Deletes the directories of earlier job runs, keeping the run that holds {@code keep} (the
   * checkpoint being restored) and runs that are not a job id.
   *
   * @param checkpointDir the job's checkpoint storage directory
   * @param keep a checkpoint directory ({@code <dir>/<job id>/chk-<n>}) whose run is kept
   * @return the deleted run directories
   */
  public static List<Path> pruneRunsOtherThan(Path checkpointDir, Path keep) {
    Path keptRun = keep.toAbsolutePath().normalize().getParent();
    List<Path> deleted = new ArrayList<>();
    for (Path run : runs(checkpointDir)) {
      if (!run.toAbsolutePath().normalize().equals(keptRun)) {
        deleteRecursively(run);
        deleted.add(run);
      }
    }
    return deleted;
  }

  private static final Comparator<Completed> NEWEST_LAST =
      Comparator.comparing(Completed::completedAt).thenComparingLong(Completed::number);

  private record Completed(Path dir, FileTime completedAt, long number) {}

  private static List<Completed> completed(Path checkpointDir) {
    List<Completed> result = new ArrayList<>();
    for (Path run : runs(checkpointDir)) {
      try (Stream<Path> children = Files.list(run)) {
        for (Path child : children.toList()) {
          Matcher m = CHECKPOINT.matcher(child.getFileName().toString());
          Path metadata = child.resolve("_metadata");
          if (m.matches() && Files.isRegularFile(metadata)) {
            result.add(
                new Completed(
                    child, Files.getLastModifiedTime(metadata), Long.parseLong(m.group(1))));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list checkpoints in " + run, e);
      }
    }
    return result;
  }

  private static List<Path> runs(Path checkpointDir) {
    if (!Files.isDirectory(checkpointDir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(checkpointDir)) {
      return children
          .filter(Files::isDirectory)
          .filter(p -> JOB_ID.matcher(p.getFileName().toString()).matches())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + checkpointDir, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
