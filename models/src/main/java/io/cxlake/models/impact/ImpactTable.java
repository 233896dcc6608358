package io.cxlake.models.impact;

import static io.cxlake.lake.table.TableDef.BOOLEAN;
import static io.cxlake.lake.table.TableDef.DATE;
import static io.cxlake.lake.table.TableDef.DOUBLE;
import static io.cxlake.lake.table.TableDef.INT;
import static io.cxlake.lake.table.TableDef.LONG;
import static io.cxlake.lake.table.TableDef.STRING;
import static io.cxlake.lake.table.TableDef.opt;
import static io.cxlake.lake.table.TableDef.req;

import io.cxlake.lake.table.TableSpec;
import java.util.List;

/** The tables {@code measure} writes: one partition per run-date, replaced on a rerun. */
public enum ImpactTable implements TableSpec.Holder {
  LIFT(
      TableSpec.of(
          "lift",
          "Holdout lift per (automation, metric) over the analysis window, as measured on run_date:"
              + " per-arm n and means, absolute and relative lift with 95% intervals, p-values"
              + " (raw and Benjamini-Hochberg across the automation's metrics), the CUPED adjustment,"
              + " the sample-ratio-mismatch check, and the naive before/after estimate of the treated"
              + " users (no control group; shown for contrast, never a measure of lift).",
          "run_date",
          List.of("run_date", "automation", "metric"),
          req("run_date", DATE),
          req("automation", STRING),
          req("metric", STRING),
          req("window_start", DATE),
          req("window_end", DATE),
          req("pre_start", DATE),
          req("pre_end", DATE),
          req("n_treatment", LONG),
          req("n_holdout", LONG),
          opt("mean_treatment", DOUBLE),
          opt("mean_holdout", DOUBLE),
          opt("abs_lift", DOUBLE),
          opt("abs_se", DOUBLE),
          opt("abs_ci_low", DOUBLE),
          opt("abs_ci_high", DOUBLE),
          opt("rel_lift", DOUBLE),
          opt("rel_ci_low", DOUBLE),
          opt("rel_ci_high", DOUBLE),
          opt("p_value", DOUBLE),
          opt("p_adjusted", DOUBLE),
          req("cuped", BOOLEAN),
          opt("cuped_theta", DOUBLE),
          opt("cuped_width_ratio", DOUBLE),
          opt("unadjusted_abs_lift", DOUBLE),
          opt("unadjusted_ci_low", DOUBLE),
          opt("unadjusted_ci_high", DOUBLE),
          req("srm_p", DOUBLE),
          req("srm_flag", BOOLEAN),
          opt("naive_before", DOUBLE),
          opt("naive_after", DOUBLE),
          opt("naive_change", DOUBLE),
          opt("naive_ci_low", DOUBLE),
          opt("naive_ci_high", DOUBLE))),
  ROI(
      TableSpec.of(
          "roi",
          "Return on investment per automation over the analysis window, as measured on run_date,"
              + " scaled to every eligible (assigned) user: incremental gross profit from the lifts in"
              + " net revenue, agent minutes and returned items, minus operating cost; ROI = net"
              + " benefit / operating cost with a 95% interval and P(ROI > 0) from the lifts'"
              + " standard errors. payback_days is null when the automation earns nothing.",
          "run_date",
          List.of("run_date", "automation"),
          req("run_date", DATE),
          req("automation", STRING),
          req("window_start", DATE),
          req("window_end", DATE),
          req("window_days", INT),
          req("eligible_users", LONG),
          opt("net_revenue_lift", DOUBLE),
          opt("agent_minutes_lift", DOUBLE),
          opt("items_returned_lift", DOUBLE),
          opt("gross_profit_per_user", DOUBLE),
          opt("incremental_gross_profit", DOUBLE),
          req("operating_cost", DOUBLE),
          req("cost_source", STRING),
          opt("net_benefit", DOUBLE),
          opt("roi", DOUBLE),
          opt("roi_ci_low", DOUBLE),
          opt("roi_ci_high", DOUBLE),
          opt("p_roi_positive", DOUBLE),
          opt("payback_days", DOUBLE),
          req("srm_flag", BOOLEAN)));

  private final TableSpec spec;

  ImpactTable(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }
}
