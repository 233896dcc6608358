package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * With a pre-period covariate of correlation ρ with the outcome, CUPED shrinks the standard error,
 * hence the interval, by √(1 − ρ²), and its interval still covers the true lift.
 */
class CupedSimulationTest {

  @Test
  void narrowsTheIntervalBySqrtOneMinusRhoSquared() {
    double rho = 0.7;
    double effect = 0.3;
    int n = 2_000;
    int replications = 2_000;
    SplittableRandom rng = new SplittableRandom(11);
    double sumWidthRatio = 0;
    double sumAdjusted = 0;
    int covered = 0;
    for (int rep = 0; rep < replications; rep++) {
      CupedResult c = Cuped.of(arm(rng, n, rho, effect), arm(rng, n, rho, 0));
      sumWidthRatio += c.widthRatio();
      sumAdjusted += c.adjusted().absLift();
      covered += c.adjusted().absCi().contains(effect) ? 1 : 0;
    }
    assertThat(sumWidthRatio / replications).isCloseTo(Math.sqrt(1 - rho * rho), within(0.01));
    assertThat((double) covered / replications).isBetween(0.93, 0.97);
    // Monte Carlo error of the mean: √(2(1 − ρ²)/n) / √reps ≈ 0.0005, a sixth of 1% of the effect.
    assertThat(Math.abs(sumAdjusted / replications - effect)).isLessThan(0.01 * effect);
  }

  // Y = 10 + effect + ρ·Z₁ + √(1 − ρ²)·Z₂ and X = 5 + Z₁: corr(X, Y) = ρ within each arm.
  private static ArmSums arm(SplittableRandom rng, int n, double rho, double effect) {
    ArmSums s = ArmSums.EMPTY;
    double rest = Math.sqrt(1 - rho * rho);
    for (int i = 0; i < n; i++) {
      double z1 = rng.nextGaussian();
      double y = 10 + effect + rho * z1 + rest * rng.nextGaussian();
      s = s.add(y, 5 + z1);
    }
    return s;
  }
}
