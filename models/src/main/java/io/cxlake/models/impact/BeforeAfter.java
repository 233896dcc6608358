package io.cxlake.models.impact;

/**
 * The naive before/after estimate over the treated users' {@link ArmSums} with y = the metric after
 * the start and x = the same metric before. A paired t: the change d = y − x has variance s²_y +
 * s²_x − 2·s_xy and n − 1 degrees of freedom.
 */
public final class BeforeAfter {

  private BeforeAfter() {}

  public static BeforeAfterResult of(ArmSums treatedAfterBefore) {
    return of(treatedAfterBefore, WelchLift.CONFIDENCE);
  }

  public static BeforeAfterResult of(ArmSums s, double confidence) {
    double change = s.meanY() - s.meanX();
    double varChange = Math.max(s.varianceY() + s.varianceX() - 2 * s.covarianceXY(), 0) / s.n();
    double se = Math.sqrt(varChange);
    double df = s.n() - 1;
    Interval ci;
    double p;
    if (se == 0 && Double.isFinite(change)) {
      ci = new Interval(change, change);
      p = change == 0 ? 1 : 0;
    } else if (!Double.isFinite(se) || df < 1) {
      ci = Interval.UNDEFINED;
      p = Double.NaN;
    } else {
      ci = Interval.around(change, Distributions.tCritical(confidence, df) * se);
      p = Distributions.twoSidedP(change / se, df);
    }
    return new BeforeAfterResult(s.n(), s.meanX(), s.meanY(), change, se, ci, p);
  }
}
