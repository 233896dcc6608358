package io.cxlake.models.measure;

import io.cxlake.models.impact.BeforeAfterResult;
import io.cxlake.models.impact.CupedResult;
import io.cxlake.models.impact.LiftResult;
import io.cxlake.models.impact.SrmResult;

/**
 * One row of the {@code lift} table before it becomes a Spark row.
 *
 * @param lift the reported lift: CUPED-adjusted when {@code cuped} is non-null and used
 * @param cuped the CUPED result, null for AOV (a ratio: no per-user covariate)
 * @param naive the treated users' before/after change; null where it has no meaning
 * @param naiveBeforeAfter the naive estimate's before and after means, for AOV without a CI
 */
public record LiftRow(
    AnalysisWindow window,
    Metric metric,
    LiftResult lift,
    CupedResult cuped,
    double pAdjusted,
    SrmResult srm,
    BeforeAfterResult naive,
    double[] naiveBeforeAfter) {

  /** Whether the reported lift is the CUPED-adjusted one (a covariate with any variance). */
  public boolean cupedApplied() {
    return cuped != null && cuped.theta() != 0;
  }

  public LiftRow withPAdjusted(double p) {
    return new LiftRow(window, metric, lift, cuped, p, srm, naive, naiveBeforeAfter);
  }
}
