package io.cxlake.jobs.recs;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code train <model>}: trains, evaluates and gates one model for a run date. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train, evaluate and gate a model for --run-date.",
    subcommands = {TrainCommand.Recs.class, CommandLine.HelpCommand.class})
public final class TrainCommand implements Runnable {
  @ParentCommand Main main;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  Secrets secrets() {
    return main.secrets();
  }

  /** {@code train recs}. */
  @Command(
      name = "recs",
      mixinStandardHelpOptions = true,
      description =
          "Fit the recommenders on what was visible before --run-date + 1 - recs.holdout-days and"
              + " score each layer (collaborative, content, session, popular), their blend and the"
              + " champion's blend on the items users interacted with since (recs_metrics). The"
              + " model is stored under <lake.root>/models/recs/<version>/ and registered as a"
              + " challenger in model_registry; it becomes the champion only if its blend beats"
              + " popularity on nDCG@k and is not worse than the champion by more than"
              + " recs.tolerance; otherwise the champion keeps serving and the run says why. A lake"
              + " too young for a holdout gets no model and says why. Rerunnable.")
  public static final class Recs implements Callable<Integer> {
    @Mixin CommonOptions common;

    @ParentCommand TrainCommand parent;

    @Override
    public Integer call() throws Exception {
      Pipeline p = Pipeline.open(common, parent.secrets());
      RecsTraining.Outcome o = RecsStep.train(p, common.runDate());
      System.out.println("train recs " + common.runDate() + ": " + o.summary());
      return ExitCodes.OK;
    }
  }
}
