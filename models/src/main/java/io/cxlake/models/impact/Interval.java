package io.cxlake.models.impact;

/** A two-sided confidence interval. */
public record Interval(double low, double high) {

  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

  /** estimate ± halfWidth. */
  public static Interval around(double estimate, double halfWidth) {
    return new Interval(estimate - halfWidth, estimate + halfWidth);
  }

  public double width() {
    return high - low;
  }

  public boolean contains(double value) {
    return low <= value && value <= high;
  }
}
