package io.cxlake.jobs.measure;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.models.impact.ImpactTable;
import io.cxlake.models.measure.ImpactRows;
import io.cxlake.models.measure.Measurement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Holdout lift and ROI of every automation as of one run-date → the lift and roi tables. */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description =
        "Measure each automation against its randomised holdout over the analysis window ending "
            + "on --run-date: lift per metric with 95% intervals (CUPED, SRM check, BH-adjusted "
            + "p-values, the naive before/after beside it) into `lift`, and ROI into `roi`. "
            + "Replaces the run-date's rows: rerunnable.")
public final class MeasureCommand implements Callable<Integer> {
  static final List<ImpactTable> WRITES = List.of(ImpactTable.LIFT, ImpactTable.ROI);

  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    Measurement.Result r = run(Pipeline.open(common, main.secrets()), day);
    System.out.printf(
        "measured %s: %d automations, %d lift rows%n", day, r.rois().size(), r.lifts().size());
    return ExitCodes.OK;
  }

  /** Measures one date as a ledger-recorded step; shared with nightly. */
  public static Measurement.Result run(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "measure",
        day,
        WRITES,
        () -> {
          Lake lake = p.lake();
          Measurement.Result r =
              Measurement.run(
                  new Measurement.Inputs(
                      lake.read(Table.ASSIGNMENTS),
                      lake.read(Table.ORDER_LINES),
                      lake.read(Table.RETURNS),
                      lake.read(Table.TICKETS),
                      lake.read(Table.EVENTS),
                      lake.read(Table.COSTS)),
                  day,
                  p.config().impact());
          String thisDay = "run_date = DATE'" + day + "'";
          lake.replaceWhere(ImpactTable.LIFT, thisDay, ImpactRows.lift(p.spark(), day, r.lifts()));
          lake.replaceWhere(ImpactTable.ROI, thisDay, ImpactRows.roi(p.spark(), day, r.rois()));
          return r;
        },
        r ->
            new Pipeline.StepResult(
                Map.of("automations", (long) r.rois().size(), "lift_rows", (long) r.lifts().size()),
                r.lifts().stream().anyMatch(l -> l.srm().flagged())
                    ? "sample-ratio mismatch flagged: see lift.srm_flag"
                    : "measured " + r.rois().size() + " automations"));
  }
}
