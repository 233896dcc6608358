package io.cxlake.jobs.recs;

import io.cxlake.lake.config.CxConfig;
import io.cxlake.models.recs.CollaborativeTrainer;
import java.util.List;

/** The collaborative layers the pipeline fits beside content, session and popular. */
final class RecsLayers {
  private RecsLayers() {}

  static List<CollaborativeTrainer> trainers(CxConfig c) {
    return List.of();
  }
}
