package io.cxlake.jobs.returnrisk;

import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.ScoreCommand;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code cxlake score return-risk}. */
@Command(
    name = "return-risk",
    mixinStandardHelpOptions = true,
    description =
        "Score the open order lines of --run-date (return window not closed) with the champion"
            + " return-risk model into return_risk: probability, band, reason codes and"
            + " model_version. Without a champion nothing is scored, and it says so.")
public final class ScoreReturnRiskCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand ScoreCommand score;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    Pipeline p = Pipeline.open(common, score.main().secrets());
    System.out.println(
        "score return-risk " + day + ": " + ReturnRiskJob.scoreStep(p, day).summary());
    return ExitCodes.OK;
  }
}
