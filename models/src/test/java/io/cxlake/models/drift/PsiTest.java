package io.cxlake.models.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PsiTest {
  @Test
  void matchesAHandComputedValue() {
    // shares 0.5/0.3/0.2 against 0.3/0.3/0.4
    double expected = (0.3 - 0.5) * Math.log(0.3 / 0.5) + 0 + (0.4 - 0.2) * Math.log(0.4 / 0.2);
    assertThat(Psi.of(new long[] {50, 30, 20}, new long[] {30, 30, 40}))
        .isCloseTo(expected, within(1e-12));
    assertThat(expected).isCloseTo(0.2408, within(1e-4));
  }

  @Test
  void isZeroForTheSameSharesAndSymmetric() {
    assertThat(Psi.of(new long[] {10, 20, 30}, new long[] {100, 200, 300})).isZero();
    long[] a = {5, 10, 85};
    long[] b = {30, 30, 40};
    assertThat(Psi.of(a, b)).isCloseTo(Psi.of(b, a), within(1e-12));
  }

  @Test
  void anEmptyBinCountsAsEpsilonNotInfinity() {
    double psi = Psi.of(new long[] {100, 0}, new long[] {50, 50});
    double expected =
        (0.5 - 1.0) * Math.log(0.5 / 1.0) + (0.5 - Psi.EPSILON) * Math.log(0.5 / Psi.EPSILON);
    assertThat(psi).isCloseTo(expected, within(1e-12)).isFinite();
  }

  @Test
  void edgesAreTheReferenceQuantilesWithoutDuplicates() {
    double[] ref = new double[100];
    for (int i = 0; i < 100; i++) {
      ref[i] = i + 1; // 1..100
    }
    assertThat(Psi.edges(ref, 4)).containsExactly(25, 50, 75);
    assertThat(Psi.histogram(ref, Psi.edges(ref, 4))).containsExactly(25, 25, 25, 25);
    // a discrete feature: few distinct values give few bins, none empty by construction
    double[] coins = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
    assertThat(Psi.edges(coins, 10)).containsExactly(0);
    assertThat(Psi.histogram(coins, Psi.edges(coins, 10))).containsExactly(6, 4);
    assertThat(Psi.bin(0.5, new double[] {0, 1})).isEqualTo(1);
    assertThat(Psi.bin(7, new double[] {0, 1})).isEqualTo(2);
  }

  @Test
  void samplesOfOneDistributionStayBelowTheWarningAndAShiftedOneBlocks() {
    Random r = new Random(7);
    double[] ref = new double[5000];
    double[] same = new double[5000];
    double[] shifted = new double[5000];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = r.nextGaussian();
      same[i] = r.nextGaussian();
      shifted[i] = r.nextGaussian() + 1; // one standard deviation
    }
    double[] edges = Psi.edges(ref, 10);
    long[] h = Psi.histogram(ref, edges);
    assertThat(Psi.of(h, Psi.histogram(same, edges))).isLessThan(0.02);
    double psi = Psi.of(h, Psi.histogram(shifted, edges));
    assertThat(psi).isGreaterThan(0.25);
    assertThat(Psi.level(psi, 0.1, 0.25)).isEqualTo(Psi.Level.BLOCK);
    assertThat(Psi.level(0.15, 0.1, 0.25)).isEqualTo(Psi.Level.WARN);
    assertThat(Psi.level(0.05, 0.1, 0.25)).isEqualTo(Psi.Level.OK);
  }

  @Test
  void badInputsAreRefused() {
    assertThatThrownBy(() -> Psi.of(new long[] {1}, new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Psi.of(new long[] {0, 0}, new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Psi.edges(new double[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
