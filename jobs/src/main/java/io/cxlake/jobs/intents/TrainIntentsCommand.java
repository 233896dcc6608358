package io.cxlake.jobs.intents;

import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.TrainCommand;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code cxlake train intents}. */
@Command(
    name = "intents",
    mixinStandardHelpOptions = true,
    description =
        "Train the support-intent classifier on the tagged tickets of the intents.train-days"
            + " before --run-date, choose each intent's threshold on validation tickets, evaluate"
            + " on held-out ones (intent_metrics, intent_confusion, slice test), save it under"
            + " <lake.root>/models/intents/ and register it; champion when its macro-F1 beats the"
            + " majority baseline and is within gates.champion-tolerance of the champion's, else"
            + " exit 3 (while a champion serves).")
public final class TrainIntentsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand TrainCommand train;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    Pipeline p = Pipeline.open(common, train.main().secrets());
    System.out.println("train intents " + day + ": " + IntentsJob.trainStep(p, day).summary());
    return ExitCodes.OK;
  }
}
