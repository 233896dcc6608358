package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class SampleRatioMismatchTest {

  @Test
  void pearsonChiSquareOfTwoArms() {
    // Expected 5000 and 5000: χ² = 200²/5000 + 200²/5000 = 16; with 1 df χ² = z², so p = 2Φ(−4).
    SrmResult r = SampleRatioMismatch.check(5200, 4800, 0.5);
    assertThat(r.chiSquare()).isCloseTo(200.0 * 200 / 5000 * 2, within(1e-9));
    assertThat(r.df()).isEqualTo(1);
    assertThat(r.pValue())
        .isCloseTo(2 * new NormalDistribution().cumulativeProbability(-4), within(1e-9));
    assertThat(r.flagged()).isTrue();
  }

  @Test
  void threeArmsWithWeights() {
    // Weights 1:1:2 of 100 users: expected 25, 25, 50; χ² = 25/25 + 25/25 + 100/50 = 4 on 2 df,
    // whose upper tail is e^(−x/2).
    SrmResult r = SampleRatioMismatch.check(new long[] {30, 30, 40}, new double[] {1, 1, 2});
    assertThat(r.chiSquare()).isCloseTo(25.0 / 25 + 25.0 / 25 + 100.0 / 50, within(1e-12));
    assertThat(r.pValue()).isCloseTo(Math.exp(-4.0 / 2), within(1e-9));
    assertThat(r.flagged()).isFalse();
  }

  @Test
  void planted52To48IsFlaggedOnALargeSample() {
    SplittableRandom rng = new SplittableRandom(52);
    long treatment = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      treatment += rng.nextDouble() < 0.52 ? 1 : 0;
    }
    SrmResult r = SampleRatioMismatch.check(treatment, n - treatment, 0.5);
    assertThat(r.flagged()).isTrue();
    assertThat(r.pValue()).isLessThan(1e-12);
  }

  @Test
  void falseAlarmRateOfATrueSplitIsNearAlpha() {
    // 20000 experiments of 1000 users split 50/50: about 0.1% should be flagged.
    SplittableRandom rng = new SplittableRandom(2024);
    int replications = 20_000;
    int n = 1_000;
    int flagged = 0;
    for (int rep = 0; rep < replications; rep++) {
      long treatment = 0;
      for (int i = 0; i < n; i++) {
        treatment += rng.nextBoolean() ? 1 : 0;
      }
      flagged += SampleRatioMismatch.check(treatment, n - treatment, 0.5).flagged() ? 1 : 0;
    }
    double rate = (double) flagged / replications;
    // Binomial(20000, 0.001) has mean 20 and sd 4.5.
    assertThat(rate).isBetween(0.0003, 0.002);
  }

  @Test
  void configuredShareIsRespected() {
    assertThat(SampleRatioMismatch.check(9000, 1000, 0.9).chiSquare()).isCloseTo(0, within(1e-12));
    assertThat(SampleRatioMismatch.check(9000, 1000, 0.5).flagged()).isTrue();
  }
}
