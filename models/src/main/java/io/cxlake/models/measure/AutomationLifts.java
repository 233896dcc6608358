package io.cxlake.models.measure;

import io.cxlake.models.impact.ArmSums;
import io.cxlake.models.impact.BeforeAfter;
import io.cxlake.models.impact.BeforeAfterResult;
import io.cxlake.models.impact.Cuped;
import io.cxlake.models.impact.CupedResult;
import io.cxlake.models.impact.LiftResult;
import io.cxlake.models.impact.MultipleTesting;
import io.cxlake.models.impact.RatioLift;
import io.cxlake.models.impact.SampleRatioMismatch;
import io.cxlake.models.impact.SrmResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Every metric's lift for one automation from its two arms' sums: plain Java, no Spark. The
 * reported lift of a per-user metric is CUPED-adjusted on its pre-period value (the unadjusted one
 * stays in the row); AOV uses the delta method. One SRM check per automation marks every row, and
 * the p-values are Benjamini–Hochberg adjusted across the automation's metrics.
 */
public final class AutomationLifts {

  private AutomationLifts() {}

  public static List<LiftRow> of(
      AnalysisWindow window, ArmStats treatment, ArmStats holdout, double treatmentShare) {
    SrmResult srm =
        SampleRatioMismatch.check(treatment.aov().n(), holdout.aov().n(), treatmentShare);
    List<LiftRow> rows = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (m.isRatio()) {
        LiftResult lift = RatioLift.of(treatment.aov(), holdout.aov());
        rows.add(new LiftRow(window, m, lift, null, Double.NaN, srm, null, naiveAov(treatment)));
        continue;
      }
      CupedResult cuped = Cuped.of(treatment.sums().get(m), holdout.sums().get(m));
      LiftResult lift = cuped.theta() != 0 ? cuped.adjusted() : cuped.unadjusted();
      rows.add(new LiftRow(window, m, lift, cuped, Double.NaN, srm, naive(treatment, m), null));
    }
    double[] p = rows.stream().mapToDouble(r -> r.lift().pValue()).toArray();
    double[] adjusted = MultipleTesting.benjaminiHochberg(p);
    List<LiftRow> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      out.add(rows.get(i).withPAdjusted(adjusted[i]));
    }
    return out;
  }

  /**
   * The treated users' change from the (rescaled) pre-period. Conversion has none: whether a user
   * ordered at all depends on the period's length, which rescaling cannot fix.
   */
  private static BeforeAfterResult naive(ArmStats treatment, Metric m) {
    ArmSums s = treatment.naive().get(m);
    if (m == Metric.CONVERSION || s.n() < 2) {
      return null;
    }
    return BeforeAfter.of(s);
  }

  /** AOV before and after of the treated users: a ratio, so the rescaling cancels out. */
  private static double[] naiveAov(ArmStats treatment) {
    ArmSums rev = treatment.naive().get(Metric.REVENUE);
    ArmSums ord = treatment.naive().get(Metric.ORDERS);
    if (rev.n() < 2 || ord.sumX() == 0 || ord.sumY() == 0) {
      return null;
    }
    return new double[] {rev.sumX() / ord.sumX(), rev.sumY() / ord.sumY()};
  }
}
