package io.cxlake.jobs.recs;

import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.TrainCommand;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code cxlake train recs}. */
@Command(
    name = "recs",
    mixinStandardHelpOptions = true,
    description =
        "Fit the recommenders on what was visible before --run-date + 1 - recs.holdout-days and"
            + " score each layer (als, content, session, popular), their blend and the champion's"
            + " blend on the items users interacted with since (recs_metrics). The model is stored"
            + " under <lake.root>/models/recs/<version>/ and registered as a challenger in"
            + " model_registry; it becomes the champion only if its blend beats popularity on"
            + " nDCG@k and is not worse than the champion by more than recs.tolerance; otherwise"
            + " the champion keeps serving and the run says why (exit 0: recommendations always"
            + " have a fallback). A lake too young for a holdout gets no model and says why."
            + " Rerunnable.")
public final class TrainRecsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand TrainCommand train;

  @Override
  public Integer call() throws Exception {
    Pipeline p = Pipeline.open(common, train.main().secrets());
    RecsTraining.Outcome o = RecsStep.train(p, common.runDate());
    System.out.println("train recs " + common.runDate() + ": " + o.summary());
    return ExitCodes.OK;
  }
}
