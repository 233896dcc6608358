package io.cxlake.jobs;

import io.cxlake.jobs.intents.ScoreIntentsCommand;
import io.cxlake.jobs.recs.ScoreRecsCommand;
import io.cxlake.jobs.returnrisk.ScoreReturnRiskCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cxlake score <model>}: score a run-date's rows with the model's champion. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description =
        "Score --run-date's rows with the champion version of one model (see train and models"
            + " list).",
    subcommands = {ScoreReturnRiskCommand.class, ScoreIntentsCommand.class, ScoreRecsCommand.class})
public final class ScoreCommand implements Runnable {
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
