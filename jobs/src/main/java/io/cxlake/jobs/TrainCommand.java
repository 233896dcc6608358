package io.cxlake.jobs;

import io.cxlake.jobs.intents.TrainIntentsCommand;
import io.cxlake.jobs.recs.TrainRecsCommand;
import io.cxlake.jobs.returnrisk.TrainReturnRiskCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cxlake train <model>}: fit, evaluate, register and gate one model for a run-date. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train one model for --run-date, register it in model_registry and gate it against its"
            + " baseline and the champion. Exit 3 when the new version is rejected (the champion"
            + " keeps serving).",
    subcommands = {TrainReturnRiskCommand.class, TrainIntentsCommand.class, TrainRecsCommand.class})
public final class TrainCommand implements Runnable {
  @ParentCommand Main main;

  /** Where the models' commands read secrets from. */
  public Main main() {
    return main;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
