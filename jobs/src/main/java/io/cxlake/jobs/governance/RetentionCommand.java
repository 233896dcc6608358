package io.cxlake.jobs.governance;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Deletes raw rows older than each table's retention window, then VACUUMs safely. */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description =
        "Delete the rows of each table in retention.days dated more than its window before"
            + " --run-date (events, quarantine, tickets by default; aggregates are kept), then"
            + " VACUUM them with retention.vacuum-hours. Recorded in the run ledger.")
public final class RetentionCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    Retention.tables(Tables.ALL, common.config().retention()); // a bad key exits 2 first
    Retention.Result r = run(Pipeline.open(common, main.secrets()), day);
    System.out.println(
        "retention " + day + ": deleted " + r.rowsDeleted() + " rows before " + r.cutoffs());
    return ExitCodes.OK;
  }

  /** Applies retention as a ledger step; a failure restores the tables it changed. */
  public static Retention.Result run(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "retention",
        day,
        Retention.tables(Tables.ALL, p.config().retention()),
        () -> Retention.run(p.lake(), Tables.ALL, p.config().retention(), day),
        r -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          r.rowsDeleted().forEach((t, n) -> counts.put("deleted." + t, n));
          r.filesVacuumed().forEach((t, n) -> counts.put("vacuumed_files." + t, n));
          return new Pipeline.StepResult(counts, "rows dated before " + r.cutoffs() + " deleted");
        });
  }
}
