package io.cxlake.models.impact;

/**
 * Sufficient statistics of one arm for a ratio metric over users, such as AOV = Σrevenue / Σorders:
 * n users, Σnum, Σden, Σnum², Σden², Σnum·den. The user, not the order, is the randomised unit, so
 * the ratio's variance comes from the delta method over per-user (num, den) pairs.
 */
public record RatioArmSums(
    long n, double sumNum, double sumDen, double sumNum2, double sumDen2, double sumNumDen) {

  public static final RatioArmSums EMPTY = new RatioArmSums(0, 0, 0, 0, 0, 0);

  public RatioArmSums {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
  }

  /** Adds one user's numerator and denominator (e.g. revenue and orders; zeros included). */
  public RatioArmSums add(double num, double den) {
    return new RatioArmSums(
        n + 1,
        sumNum + num,
        sumDen + den,
        sumNum2 + num * num,
        sumDen2 + den * den,
        sumNumDen + num * den);
  }

  public RatioArmSums merge(RatioArmSums o) {
    return new RatioArmSums(
        n + o.n,
        sumNum + o.sumNum,
        sumDen + o.sumDen,
        sumNum2 + o.sumNum2,
        sumDen2 + o.sumDen2,
        sumNumDen + o.sumNumDen);
  }

  /** R = Σnum / Σden. */
  public double ratio() {
    return sumNum / sumDen;
  }

  /**
   * Delta-method variance of R: (1/n)·(s²_num − 2R·s_num,den + R²·s²_den) / mean_den², with sample
   * (co)variances of the per-user values (Deng, Knoblich &amp; Lu 2018, "Applying the delta method
   * in metric analytics"). NaN below two users or without any denominator.
   */
  public double ratioVariance() {
    if (n < 2 || sumDen == 0) {
      return Double.NaN;
    }
    double r = ratio();
    double meanDen = sumDen / n;
    double varNum = (sumNum2 - sumNum * sumNum / n) / (n - 1);
    double varDen = (sumDen2 - sumDen * sumDen / n) / (n - 1);
    double cov = (sumNumDen - sumNum * sumDen / n) / (n - 1);
    double v = (varNum - 2 * r * cov + r * r * varDen) / (meanDen * meanDen * n);
    return Math.max(v, 0);
  }
}
