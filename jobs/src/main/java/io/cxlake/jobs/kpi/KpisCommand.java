package io.cxlake.jobs.kpi;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.models.kpi.KpiTable;
import io.cxlake.models.kpi.KpiWindow;
import io.cxlake.models.kpi.Kpis;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The daily KPIs of the 90 days ending on the run-date → kpi_daily. */
@Command(
    name = "kpis",
    mixinStandardHelpOptions = true,
    description =
        "Compute kpi_daily per (date, region, channel) for the dates whose repeat-purchase "
            + "windows are still open on --run-date (run-date − 90 … run-date), with what the "
            + "lake holds through the run-date, and replace those dates' rows: rerunnable.")
public final class KpisCommand implements Callable<Integer> {
  static final List<KpiTable> WRITES = List.of(KpiTable.KPI_DAILY);

  @Mixin CommonOptions common;

  @ParentCommand Main main;

  /** What one run wrote: the dates it covered and the rows. */
  public record Result(KpiWindow window, long rows) {}

  @Override
  public Integer call() throws Exception {
    Result r = run(Pipeline.open(common, main.secrets()), common.runDate());
    System.out.printf(
        "kpis %s: %d rows for %s … %s%n",
        common.runDate(), r.rows(), r.window().first(), r.window().last());
    return ExitCodes.OK;
  }

  /** Computes and writes one run-date's window as a ledger-recorded step; shared with nightly. */
  public static Result run(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "kpis",
        day,
        WRITES,
        () -> {
          Lake lake = p.lake();
          KpiWindow w = new KpiWindow(day);
          Kpis.Inputs in =
              new Kpis.Inputs(
                  lake.read(Table.EVENTS),
                  lake.read(Table.ORDERS),
                  lake.read(Table.ORDER_LINES),
                  lake.read(Table.RETURNS),
                  lake.read(Table.CUSTOMERS),
                  lake.read(Table.TICKETS));
          long rows =
              lake.replaceWhere(KpiTable.KPI_DAILY, w.predicate(), Kpis.compute(p.spark(), in, w));
          return new Result(w, rows);
        },
        r ->
            new Pipeline.StepResult(
                Map.of("kpi_rows", r.rows()),
                r.rows() + " rows for " + r.window().first() + " … " + r.window().last()));
  }
}
