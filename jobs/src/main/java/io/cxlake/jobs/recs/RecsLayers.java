package io.cxlake.jobs.recs;

import io.cxlake.lake.config.CxConfig;
import io.cxlake.models.recs.AlsParams;
import io.cxlake.models.recs.AlsTrainer;
import io.cxlake.models.recs.CollaborativeTrainer;
import java.util.List;

/** The collaborative layers the pipeline fits beside content, session and popular. */
final class RecsLayers {
  private RecsLayers() {}

  static List<CollaborativeTrainer> trainers(CxConfig c) {
    CxConfig.RecsSettings.AlsSettings a = c.recs().als();
    if (!a.enabled()) {
      return List.of();
    }
    AlsParams p =
        AlsParams.DEFAULT
            .withRank(a.rank())
            .withRegParam(a.regParam())
            .withAlpha(a.alpha())
            .withMaxIter(a.iterations());
    return List.of(new AlsTrainer(p));
  }
}
