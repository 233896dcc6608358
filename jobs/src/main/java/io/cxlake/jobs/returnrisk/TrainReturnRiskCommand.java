package io.cxlake.jobs.returnrisk;

import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.TrainCommand;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code cxlake train return-risk}. */
@Command(
    name = "return-risk",
    mixinStandardHelpOptions = true,
    description =
        "Train the return-risk classifier on the order lines whose return window closed by"
            + " --run-date, evaluate it against the naive baseline, check fairness, and register it;"
            + " it becomes champion when it beats the baseline and is within"
            + " gates.champion-tolerance of the champion's AUC-ROC, else exit 3. Needs the feature"
            + " snapshot of --run-date. Scores nothing (score return-risk does).")
public final class TrainReturnRiskCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand TrainCommand train;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    Pipeline p = Pipeline.open(common, train.main().secrets());
    System.out.println(
        "train return-risk " + day + ": " + ReturnRiskJob.trainStep(p, day).summary());
    return ExitCodes.OK;
  }
}
