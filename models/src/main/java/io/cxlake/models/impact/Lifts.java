package io.cxlake.models.impact;

/**
 * Builds a {@link LiftResult} from each arm's estimate and the variance of that estimate; shared by
 * the mean, ratio and CUPED lifts so they report the same way.
 */
final class Lifts {

  private Lifts() {}

  /**
   * @param df degrees of freedom for the absolute interval and p-value; infinity for a normal one
   */
  static LiftResult of(
      long nT,
      long nH,
      double meanT,
      double varMeanT,
      double meanH,
      double varMeanH,
      double df,
      double confidence) {
    double abs = meanT - meanH;
    double se = Math.sqrt(varMeanT + varMeanH);
    Interval absCi;
    double p;
    if (se == 0 && Double.isFinite(abs)) {
      // Both arms constant: the difference is known exactly.
      absCi = new Interval(abs, abs);
      p = abs == 0 ? 1 : 0;
    } else if (!Double.isFinite(se) || !(df > 0)) {
      absCi = Interval.UNDEFINED;
      p = Double.NaN;
    } else {
      absCi = Interval.around(abs, Distributions.tCritical(confidence, df) * se);
      p = Distributions.twoSidedP(abs / se, df);
    }
    // Relative lift r = T/H − 1; delta method for independent arms:
    // Var(r) ≈ Var(T)/H² + T²·Var(H)/H⁴.
    double rel = meanT / meanH - 1;
    double relSe =
        Math.sqrt(
            varMeanT / (meanH * meanH)
                + meanT * meanT * varMeanH / (meanH * meanH * meanH * meanH));
    Interval relCi =
        Double.isFinite(rel) && Double.isFinite(relSe)
            ? Interval.around(rel, Distributions.zCritical(confidence) * relSe)
            : Interval.UNDEFINED;
    if (!Double.isFinite(rel)) {
      rel = Double.NaN;
      relSe = Double.NaN;
    }
    return new LiftResult(nT, nH, meanT, meanH, abs, se, df, absCi, p, rel, relSe, relCi);
  }
}
