package io.cxlake.jobs.nightly;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The nightly's data-quality gate on its own, for a date that was ingested. */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description =
        "Compute --run-date's data-quality metrics into quality_metrics and judge them against"
            + " the days before (row counts, completeness, key uniqueness, quarantined share,"
            + " freshness); exit 3 naming every broken rule. The nightly runs it after ingest.")
public final class QualityCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    QualityGate.Verdict v =
        QualityGate.run(Pipeline.open(common, main.secrets()), common.runDate());
    System.out.println("quality gate for " + common.runDate() + ": " + v.reason());
    return ExitCodes.OK;
  }
}
