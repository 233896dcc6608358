package io.cxlake.models.impact;

/**
 * Sufficient statistics of one arm for a per-user outcome y and a covariate x: n, Σy, Σy², Σx, Σx²,
 * Σxy. Spark computes them with one aggregation; {@link #add} and {@link #merge} build them from
 * rows or partial sums. x is the same metric in a pre-period (CUPED) or, for the naive before/after
 * estimate, the before value; it is 0 when unused.
 */
public record ArmSums(long n, double sumY, double sumY2, double sumX, double sumX2, double sumXY) {

  public static final ArmSums EMPTY = new ArmSums(0, 0, 0, 0, 0, 0);

  public ArmSums {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
  }

  /** Sums of the outcomes {@code ys}, without covariate. */
  public static ArmSums of(double... ys) {
    ArmSums s = EMPTY;
    for (double y : ys) {
      s = s.add(y);
    }
    return s;
  }

  public ArmSums add(double y) {
    return add(y, 0);
  }

  public ArmSums add(double y, double x) {
    return new ArmSums(n + 1, sumY + y, sumY2 + y * y, sumX + x, sumX2 + x * x, sumXY + x * y);
  }

  public ArmSums merge(ArmSums o) {
    return new ArmSums(
        n + o.n, sumY + o.sumY, sumY2 + o.sumY2, sumX + o.sumX, sumX2 + o.sumX2, sumXY + o.sumXY);
  }

  public double meanY() {
    return sumY / n;
  }

  public double meanX() {
    return sumX / n;
  }

  /** Sample variance of y (divisor n − 1); NaN below two users. */
  public double varianceY() {
    return Math.max(coMoment(sumY2, sumY, sumY), 0);
  }

  public double varianceX() {
    return Math.max(coMoment(sumX2, sumX, sumX), 0);
  }

  public double covarianceXY() {
    return coMoment(sumXY, sumX, sumY);
  }

  /** The outcome's n, mean and variance, as Welch's test needs them. */
  public ArmMoments moments() {
    return new ArmMoments(n, meanY(), varianceY());
  }

  // (Σab − ΣaΣb/n) / (n − 1). Math.max(NaN, 0) is NaN, so variances below two users stay NaN;
  // the clamp only stops rounding from making a variance negative.
  private double coMoment(double sumAb, double sumA, double sumB) {
    return n < 2 ? Double.NaN : (sumAb - sumA * sumB / n) / (n - 1);
  }
}
