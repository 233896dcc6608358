package io.cxlake.jobs.features;

import io.cxlake.features.FeatureBuild;
import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Lake → feature tables, as of the end of the run-date. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description =
        "Build the feature snapshot that includes --run-date: as_of = run-date + 1, from every row"
            + " visible before that midnight. Incremental from the newest earlier snapshot unless"
            + " --full.")
public final class FeaturesCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Option(
      names = "--full",
      description =
          "Recompute from the whole history instead of carrying"
              + " the previous snapshot forward.")
  boolean full;

  @Override
  public Integer call() throws Exception {
    FeatureBuild.Result r = run(Pipeline.open(common, main.secrets()), common.runDate(), full);
    System.out.println(r.summary());
    return ExitCodes.OK;
  }

  /**
   * Builds the features for one run-date as a ledger-recorded step; shared with demo and nightly.
   */
  public static FeatureBuild.Result run(Pipeline p, LocalDate runDate, boolean full)
      throws Exception {
    FeatureBuild build =
        new FeatureBuild(
            p.lake(), p.config().features(), p.config().ingest().futureToleranceHours());
    return p.step(
        "features",
        runDate,
        FeatureBuild.TABLES,
        () -> build.run(runDate.plusDays(1), full),
        r -> new Pipeline.StepResult(r.counts(), r.summary()));
  }
}
