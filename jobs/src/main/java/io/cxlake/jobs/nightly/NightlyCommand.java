package io.cxlake.jobs.nightly;

import io.cxlake.jobs.GateBlockedException;
import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.serving.PublishRefused;
import io.cxlake.lake.config.ConfigError;
import io.cxlake.lake.table.RunLedger;
import java.io.File;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The whole nightly pipeline for a date, or a backfill over a range of dates. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description =
        "Run every step for --run-date in order (policy, ingest, quality-gate, features,"
            + " return-risk, recs, intents, measure, kpis, drift-gate, publish), skipping steps the run ledger"
            + " shows succeeded; or backfill --from-date..--to-date. Exit 0 done, 1 a step failed"
            + " (rerun resumes there), 2 bad arguments or config, 3 a gate blocked publishing, 4"
            + " the date is locked by another run.")
public final class NightlyCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(NightlyCommand.class);

  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Option(names = "--from-date", paramLabel = "YYYY-MM-DD", description = "Backfill start.")
  LocalDate fromDate;

  @Option(names = "--to-date", paramLabel = "YYYY-MM-DD", description = "Backfill end (incl.).")
  LocalDate toDate;

  @Option(names = "--force", description = "Rerun every step, even those that succeeded.")
  boolean force;

  @Option(
      names = "--from",
      paramLabel = "STEP",
      description = "Rerun from this step on (earlier steps run only if they have not succeeded).")
  String fromStep;

  @Option(
      names = "--summary-out",
      paramLabel = "FILE",
      description = "Write the JSON run summary here (it is also kept in the runs table).")
  File summaryOut;

  @Override
  public Integer call() throws Exception {
    List<LocalDate> dates = dates();
    Nightly.Rerun rerun;
    try {
      rerun = new Nightly.Rerun(force, fromStep);
    } catch (IllegalArgumentException e) {
      throw new ConfigError(e.getMessage());
    }
    common.config(); // bad config exits 2 before Spark starts
    Pipeline p = Pipeline.open(common, main.secrets());
    List<Nightly.Outcome> outcomes = new ArrayList<>();
    Instant start = Instant.now();
    int code = ExitCodes.OK;
    String message = "all steps succeeded";
    try {
      for (LocalDate d : dates) {
        Nightly.run(p, d, rerun, outcomes);
      }
    } catch (RunLock.HeldException e) {
      code = ExitCodes.LOCKED;
      message = e.getMessage();
    } catch (GateBlockedException | PublishRefused e) {
      code = ExitCodes.GATE_BLOCKED;
      message = e.getMessage();
    } catch (Exception e) {
      code = ExitCodes.STEP_FAILED;
      message = String.valueOf(e.getMessage());
      LOG.error("nightly failed", e);
    }
    String status =
        switch (code) {
          case ExitCodes.OK -> RunLedger.SUCCEEDED;
          case ExitCodes.GATE_BLOCKED -> RunLedger.BLOCKED;
          case ExitCodes.LOCKED -> "locked";
          default -> RunLedger.FAILED;
        };
    String json =
        RunSummary.json(
            p.runId(), dates.get(0), dates.get(dates.size() - 1), status, code, message, outcomes);
    if (summaryOut != null) {
      Files.writeString(summaryOut.toPath(), json);
    }
    if (code != ExitCodes.LOCKED) { // a locked-out run touches nothing, not even the ledger
      p.ledger()
          .record(
              new RunLedger.Entry(
                  p.runId(),
                  "nightly",
                  dates.get(dates.size() - 1),
                  status,
                  start,
                  Instant.now(),
                  Map.of("steps", (long) outcomes.size()),
                  Map.of(),
                  message,
                  json));
    }
    System.out.println(json);
    if (code != ExitCodes.OK) {
      System.err.println("cxlake: nightly " + status + ": " + message);
    }
    return code;
  }

  private List<LocalDate> dates() {
    if (fromDate == null && toDate == null) {
      return List.of(common.runDate());
    }
    if (fromDate == null || toDate == null || toDate.isBefore(fromDate)) {
      throw new ConfigError("a backfill needs --from-date and --to-date, in order");
    }
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = fromDate; !d.isAfter(toDate); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }
}
