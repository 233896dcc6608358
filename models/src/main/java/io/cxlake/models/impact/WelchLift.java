package io.cxlake.models.impact;

/**
 * Lift of a per-user mean (conversion, revenue per user, orders per user...): Welch's t with
 * Welch–Satterthwaite degrees of freedom for the difference, which does not assume equal variances
 * in the arms; the relative lift's interval by the delta method.
 */
public final class WelchLift {

  public static final double CONFIDENCE = 0.95;

  private WelchLift() {}

  public static LiftResult of(ArmSums treatment, ArmSums holdout) {
    return of(treatment.moments(), holdout.moments(), CONFIDENCE);
  }

  public static LiftResult of(ArmMoments treatment, ArmMoments holdout) {
    return of(treatment, holdout, CONFIDENCE);
  }

  public static LiftResult of(ArmMoments treatment, ArmMoments holdout, double confidence) {
    double vt = treatment.varianceOfMean();
    double vh = holdout.varianceOfMean();
    return Lifts.of(
        treatment.n(),
        holdout.n(),
        treatment.mean(),
        vt,
        holdout.mean(),
        vh,
        welchSatterthwaiteDf(treatment, holdout),
        confidence);
  }

  /** ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)). */
  public static double welchSatterthwaiteDf(ArmMoments a, ArmMoments b) {
    double va = a.varianceOfMean();
    double vb = b.varianceOfMean();
    return (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
  }
}
