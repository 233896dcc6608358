package io.cxlake.models.impact;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** The quantiles and tails the impact statistics need, from commons-math3. */
final class Distributions {

  // A null RandomGenerator: these are only evaluated, never sampled, and the default one is costly.
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private Distributions() {}

  /** Two-sided critical value of Student's t (normal when df is infinite). */
  static double tCritical(double confidence, double df) {
    double q = 1 - (1 - confidence) / 2;
    return Double.isInfinite(df)
        ? STANDARD_NORMAL.inverseCumulativeProbability(q)
        : new TDistribution(null, df).inverseCumulativeProbability(q);
  }

  static double zCritical(double confidence) {
    return tCritical(confidence, Double.POSITIVE_INFINITY);
  }

  /** Two-sided p-value of a t statistic (normal when df is infinite). */
  static double twoSidedP(double t, double df) {
    double tail =
        Double.isInfinite(df)
            ? STANDARD_NORMAL.cumulativeProbability(-Math.abs(t))
            : new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    return Math.min(1, 2 * tail);
  }

  static double normalCdf(double z) {
    return STANDARD_NORMAL.cumulativeProbability(z);
  }

  /** Upper tail P(χ²_df ≥ x). */
  static double chiSquaredUpperTail(double x, int df) {
    return 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(x);
  }
}
