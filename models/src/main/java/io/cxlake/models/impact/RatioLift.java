package io.cxlake.models.impact;

/**
 * Lift of a ratio metric over users (AOV = Σrevenue / Σorders): each arm's ratio with its
 * delta-method variance ({@link RatioArmSums#ratioVariance()}); normal intervals for the difference
 * and, again by the delta method, for the relative lift.
 */
public final class RatioLift {

  private RatioLift() {}

  public static LiftResult of(RatioArmSums treatment, RatioArmSums holdout) {
    return of(treatment, holdout, WelchLift.CONFIDENCE);
  }

  public static LiftResult of(RatioArmSums treatment, RatioArmSums holdout, double confidence) {
    return Lifts.of(
        treatment.n(),
        holdout.n(),
        treatment.ratio(),
        treatment.ratioVariance(),
        holdout.ratio(),
        holdout.ratioVariance(),
        Double.POSITIVE_INFINITY,
        confidence);
  }
}
