package io.cxlake.jobs.recs;

import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.ScoreCommand;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code cxlake score recs}. */
@Command(
    name = "recs",
    mixinStandardHelpOptions = true,
    description =
        "Refit the champion's recipe (model_registry) on everything visible by the end of"
            + " --run-date and write recommendations (top recs.k per known user, with the layer"
            + " and model_version), popular (per region) and similar_items for the date. Users"
            + " without personalisation consent, unknown users and users without history get"
            + " their region's popular list; without a champion everyone does. Rerunnable.")
public final class ScoreRecsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand ScoreCommand score;

  @Override
  public Integer call() throws Exception {
    Pipeline p = Pipeline.open(common, score.main().secrets());
    RecsScoring.Outcome o = RecsStep.score(p, common.runDate());
    System.out.println("score recs " + common.runDate() + ": " + o.summary());
    return ExitCodes.OK;
  }
}
