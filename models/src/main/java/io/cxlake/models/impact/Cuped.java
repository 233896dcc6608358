package io.cxlake.models.impact;

/**
 * CUPED (Deng, Xu, Kohavi &amp; Walker 2013, "Improving the sensitivity of online controlled
 * experiments by utilizing pre-experiment data"): Y' = Y − θ(X − μ_X) with X the same metric in a
 * pre-period and θ = cov(Y, X) / var(X) pooled over both arms, i.e. from their merged sums. X is
 * independent of assignment, so the adjusted means estimate the same lift with variance reduced by
 * the factor 1 − ρ².
 */
public final class Cuped {

  private Cuped() {}

  public static CupedResult of(ArmSums treatment, ArmSums holdout) {
    return of(treatment, holdout, WelchLift.CONFIDENCE);
  }

  public static CupedResult of(ArmSums treatment, ArmSums holdout, double confidence) {
    ArmSums pooled = treatment.merge(holdout);
    double varX = pooled.varianceX();
    // A constant covariate carries no information: θ = 0 leaves the lift unadjusted.
    double theta = varX > 0 ? pooled.covarianceXY() / varX : 0;
    double meanX = pooled.meanX();
    LiftResult unadjusted = WelchLift.of(treatment.moments(), holdout.moments(), confidence);
    LiftResult adjusted =
        WelchLift.of(adjust(treatment, theta, meanX), adjust(holdout, theta, meanX), confidence);
    double widthRatio = adjusted.absCi().width() / unadjusted.absCi().width();
    return new CupedResult(theta, unadjusted, adjusted, widthRatio);
  }

  /**
   * The arm's moments of Y' = Y − θ(X − μ_X): mean Ȳ − θ(X̄ − μ_X), variance s²_Y − 2θ·s_XY +
   * θ²·s²_X.
   */
  static ArmMoments adjust(ArmSums arm, double theta, double pooledMeanX) {
    double mean = arm.meanY() - theta * (arm.meanX() - pooledMeanX);
    double variance =
        arm.varianceY() - 2 * theta * arm.covarianceXY() + theta * theta * arm.varianceX();
    return new ArmMoments(arm.n(), mean, Math.max(variance, 0));
  }
}
