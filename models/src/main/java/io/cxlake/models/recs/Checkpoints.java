package io.cxlake.models.recs;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.spark.SparkContext;

/**
 * ALS only honours {@code checkpointInterval} when the SparkContext has a checkpoint directory;
 * without one its lineage grows with every iteration (and deep lineages overflow the stack).
 */
final class Checkpoints {
  private Checkpoints() {}

  /** Sets a local temp directory when none is set (a cluster should set a shared one itself). */
  static void ensure(SparkContext sc) {
    if (sc.getCheckpointDir().isEmpty()) {
      try {
        sc.setCheckpointDir(Files.createTempDirectory("cxlake-checkpoints").toString());
      } catch (IOException e) {
        throw new IllegalStateException("cannot create a checkpoint directory", e);
      }
    }
  }
}
