package io.cxlake.models.measure;

import io.cxlake.lake.config.CxConfig.ImpactSettings;
import io.cxlake.models.impact.Estimate;
import io.cxlake.models.impact.LiftResult;
import io.cxlake.models.impact.Roi;
import io.cxlake.models.impact.RoiInputs;
import java.util.List;

/**
 * One automation's ROI from its lift rows: the lifts in net revenue, agent minutes and returned
 * items per user, valued with the configured margin and unit costs, scaled to every assigned user
 * (after roll-out the holdout gets the automation too), against the window's operating cost.
 */
public final class AutomationRoi {
  public static final String FROM_COSTS_TABLE = "costs table";
  public static final String FROM_CONFIG = "impact.operating-cost-per-day";

  private AutomationRoi() {}

  /**
   * @param costsTableAmount the costs table's total for the automation over the window, or null
   *     when it has no rows for it (then the configured cost per day applies)
   */
  public static RoiRow of(List<LiftRow> lifts, Double costsTableAmount, ImpactSettings s) {
    AnalysisWindow w = lifts.get(0).window();
    LiftResult any = lifts.get(0).lift();
    long eligible = any.nTreatment() + any.nHoldout();
    boolean fromTable = costsTableAmount != null && costsTableAmount > 0;
    double cost = fromTable ? costsTableAmount : s.operatingCostPerDay() * w.days();
    RoiInputs in =
        new RoiInputs(
            estimate(lifts, Metric.NET_REVENUE),
            s.grossMargin(),
            estimate(lifts, Metric.AGENT_MINUTES),
            s.costPerAgentMinute(),
            estimate(lifts, Metric.ITEMS_RETURNED),
            s.costPerReturnedItem(),
            s.incentiveCostPerUser(),
            eligible,
            cost,
            w.days());
    return new RoiRow(
        w,
        eligible,
        in,
        Roi.of(in),
        fromTable ? FROM_COSTS_TABLE : FROM_CONFIG,
        lifts.get(0).srm().flagged());
  }

  // An undefined lift (an arm under two users) is NaN and makes the ROI NaN, stored as null.
  private static Estimate estimate(List<LiftRow> lifts, Metric m) {
    return lifts.stream().filter(r -> r.metric() == m).findFirst().orElseThrow().lift().absolute();
  }
}
