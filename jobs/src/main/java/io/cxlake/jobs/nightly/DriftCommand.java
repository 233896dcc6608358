package io.cxlake.jobs.nightly;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The nightly's drift gate on its own. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description =
        "PSI of each return-risk feature (the lines scored on --run-date against the training"
            + " lines) and of the scores (against the previous run's) into drift_metrics; exit 3"
            + " when one reaches gates.psi-block. The nightly runs it before publish.")
public final class DriftCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    List<DriftGate.Check> checks =
        DriftGate.run(Pipeline.open(common, main.secrets()), common.runDate());
    checks.forEach(
        c ->
            System.out.printf(
                "%-24s PSI %7.4f  %-7s (%d reference rows, %d current)%n",
                c.feature(), c.psi(), c.status(), c.referenceRows(), c.currentRows()));
    if (checks.isEmpty()) {
      System.out.println("no return-risk scores for " + common.runDate() + ": nothing to check");
    }
    return ExitCodes.OK;
  }
}
