package io.cxlake.jobs.ingest;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.ingest.Ingest;
import io.cxlake.lake.ingest.IngestResult;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Landing zone of one day → Delta tables, with quarantine and reconciled counts. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Ingest the landing zone's exports of --run-date into the lake: validate, dedupe, "
            + "pseudonymise, quarantine bad rows with a reason.")
public final class IngestCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    Secrets secrets = main.secrets();
    secrets.pseudonymKey(common.config()); // a missing key fails before Spark starts
    run(Pipeline.open(common, secrets), day);
    return ExitCodes.OK;
  }

  /** Runs ingest for one date as a ledger-recorded step; shared with demo and nightly. */
  public static IngestResult run(Pipeline p, LocalDate day) throws Exception {
    byte[] key = p.secrets().pseudonymKey(p.config());
    IngestResult[] out = new IngestResult[1];
    p.step(
        "ingest",
        day,
        Ingest.TABLES,
        () -> {
          out[0] = Ingest.run(p.lake(), p.config().lake().landing(), day, p.config().ingest(), key);
          return new Pipeline.StepResult(out[0].counts(), out[0].summary());
        });
    return out[0];
  }
}
