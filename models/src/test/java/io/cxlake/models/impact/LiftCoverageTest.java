package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Coverage by simulation: many experiments with a known true lift, drawn per user with a seeded
 * RNG. A 95% interval should contain the truth in 95% of them; with 2000 replications the binomial
 * standard error of the rate is 0.5 points, so 93%–97% is four of them either side.
 */
class LiftCoverageTest {

  static final int REPLICATIONS = 2_000;

  @Test
  void conversion() {
    double pH = 0.10;
    double pT = 0.13;
    int n = 20_000;
    Coverage c =
        simulate(
            1,
            rng -> WelchLift.of(bernoulli(rng, n, pT), bernoulli(rng, n, pH)),
            pT - pH,
            pT / pH - 1);
    c.assertCovers();
    c.assertUnbiased();
  }

  @Test
  void revenuePerUser() {
    // Zero-inflated lognormal: a user buys with probability p and then spends LogNormal(μ, σ);
    // treatment raises both the buying rate and the spend. E[LogNormal] = exp(μ + σ²/2).
    double mu = 3;
    double sigma = 0.8;
    double pH = 0.10;
    double pT = 0.13;
    double spendUp = 1.10;
    double meanH = pH * Math.exp(mu + sigma * sigma / 2);
    double meanT = pT * spendUp * Math.exp(mu + sigma * sigma / 2);
    int n = 20_000;
    Coverage c =
        simulate(
            2,
            rng ->
                WelchLift.of(
                    revenue(rng, n, pT, spendUp, mu, sigma), revenue(rng, n, pH, 1, mu, sigma)),
            meanT - meanH,
            meanT / meanH - 1);
    c.assertCovers();
    c.assertUnbiased();
  }

  @Test
  void averageOrderValue() {
    // A user orders with probability 0.3, then 1 + Poisson(0.5) orders of LogNormal(μ, σ) value;
    // treatment raises every order's value by 10%. True AOV = E[order value].
    double mu = 3;
    double sigma = 0.8;
    double aovH = Math.exp(mu + sigma * sigma / 2);
    double aovT = 1.10 * aovH;
    int n = 5_000;
    Coverage c =
        simulate(
            3,
            rng -> RatioLift.of(orders(rng, n, 1.10, mu, sigma), orders(rng, n, 1, mu, sigma)),
            aovT - aovH,
            aovT / aovH - 1);
    c.assertCovers();
  }

  static ArmSums bernoulli(SplittableRandom rng, int n, double p) {
    long ones = 0;
    for (int i = 0; i < n; i++) {
      ones += rng.nextDouble() < p ? 1 : 0;
    }
    // y ∈ {0, 1}, so Σy² = Σy.
    return new ArmSums(n, ones, ones, 0, 0, 0);
  }

  static ArmSums revenue(
      SplittableRandom rng, int n, double p, double spendUp, double mu, double sigma) {
    ArmSums s = ArmSums.EMPTY;
    for (int i = 0; i < n; i++) {
      s = s.add(rng.nextDouble() < p ? spendUp * Math.exp(mu + sigma * rng.nextGaussian()) : 0);
    }
    return s;
  }

  static RatioArmSums orders(SplittableRandom rng, int n, double valueUp, double mu, double sigma) {
    RatioArmSums s = RatioArmSums.EMPTY;
    for (int i = 0; i < n; i++) {
      int orders = rng.nextDouble() < 0.3 ? 1 + poisson(rng, 0.5) : 0;
      double revenue = 0;
      for (int k = 0; k < orders; k++) {
        revenue += valueUp * Math.exp(mu + sigma * rng.nextGaussian());
      }
      s = s.add(revenue, orders);
    }
    return s;
  }

  // Knuth's multiplication method; fine for a small mean.
  static int poisson(SplittableRandom rng, double mean) {
    double limit = Math.exp(-mean);
    double product = rng.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      k++;
    }
    return k;
  }

  static Coverage simulate(
      long seed,
      Function<SplittableRandom, LiftResult> experiment,
      double trueAbs,
      double trueRel) {
    SplittableRandom rng = new SplittableRandom(seed);
    Coverage c = new Coverage(trueAbs, trueRel);
    for (int rep = 0; rep < REPLICATIONS; rep++) {
      c.record(experiment.apply(rng));
    }
    return c;
  }

  static final class Coverage {
    final double trueAbs;
    final double trueRel;
    int reps;
    int absCovered;
    int relCovered;
    double sumAbs;
    double sumSe;

    Coverage(double trueAbs, double trueRel) {
      this.trueAbs = trueAbs;
      this.trueRel = trueRel;
    }

    void record(LiftResult r) {
      reps++;
      absCovered += r.absCi().contains(trueAbs) ? 1 : 0;
      relCovered += r.relCi().contains(trueRel) ? 1 : 0;
      sumAbs += r.absLift();
      sumSe += r.absSe();
    }

    void assertCovers() {
      assertThat((double) absCovered / reps).as("absolute lift coverage").isBetween(0.93, 0.97);
      assertThat((double) relCovered / reps).as("relative lift coverage").isBetween(0.93, 0.97);
    }

    /**
     * Mean estimate within 1% of the true lift; the parameters make 1% about four Monte Carlo
     * errors.
     */
    void assertUnbiased() {
      double monteCarloError = sumSe / reps / Math.sqrt(reps);
      assertThat(0.01 * Math.abs(trueAbs))
          .as("1%% of the effect vs Monte Carlo error")
          .isGreaterThan(3 * monteCarloError);
      assertThat(Math.abs(sumAbs / reps - trueAbs) / Math.abs(trueAbs))
          .as("relative bias")
          .isLessThan(0.01);
    }
  }
}
