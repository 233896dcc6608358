package io.cxlake.jobs.ingest;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.ingest.Ingest;
import io.cxlake.lake.ingest.IngestResult;
import io.cxlake.lake.ingest.retail.OnlineRetailIngest;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Option(
      names = "--online-retail",
      paramLabel = "FILE",
      description =
          "Ingest the Online Retail export (CSV, may be gzip'd) instead of the landing zone; "
              + "--run-date is the ingest date. See README § Real data.")
  String onlineRetail;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    Secrets secrets = main.secrets();
    if (onlineRetail != null) {
      Pipeline p = Pipeline.open(common, secrets);
      IngestResult r =
          p.step(
              "ingest-online-retail",
              day,
              OnlineRetailIngest.TABLES,
              () -> OnlineRetailIngest.run(p.lake(), onlineRetail, day),
              IngestCommand::describe);
      System.out.println("ingested " + onlineRetail + ": " + r.summary());
      return ExitCodes.OK;
    }
    secrets.pseudonymKey(common.config()); // a missing key fails before Spark starts
    run(Pipeline.open(common, secrets), day);
    return ExitCodes.OK;
  }

  /** Runs ingest for one date as a ledger-recorded step; shared with demo and nightly. */
  public static IngestResult run(Pipeline p, LocalDate day) throws Exception {
    byte[] key = p.secrets().pseudonymKey(p.config());
    return p.step(
        "ingest",
        day,
        Ingest.TABLES,
        () -> Ingest.run(p.lake(), p.config().lake().landing(), day, p.config().ingest(), key),
        IngestCommand::describe);
  }

  private static Pipeline.StepResult describe(IngestResult r) {
    return new Pipeline.StepResult(r.counts(), r.summary());
  }
}
