package io.cxlake.models.impact;

/**
 * Treatment versus holdout for one metric. Absolute lift = treatment − holdout; relative lift =
 * treatment / holdout − 1. {@code df} is the Welch–Satterthwaite degrees of freedom of the absolute
 * interval, or infinity where that interval is a normal (delta-method) one. Undefined quantities
 * (an arm under two users, a zero holdout mean) are NaN.
 */
public record LiftResult(
    long nTreatment,
    long nHoldout,
    double meanTreatment,
    double meanHoldout,
    double absLift,
    double absSe,
    double df,
    Interval absCi,
    double pValue,
    double relLift,
    double relSe,
    Interval relCi) {

  /** The absolute lift and its standard error, e.g. as an input to {@link Roi}. */
  public Estimate absolute() {
    return new Estimate(absLift, absSe);
  }

  public boolean absCiCovers(double trueLift) {
    return absCi.contains(trueLift);
  }
}
