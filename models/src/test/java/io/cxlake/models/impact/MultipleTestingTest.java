package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {

  // Four metrics; ranks by p: 0.005 (1), 0.01 (2), 0.03 (3), 0.04 (4).
  private static final double[] P = {0.01, 0.04, 0.03, 0.005};

  @Test
  void benjaminiHochberg() {
    // m·p/rank: 4·0.005/1 = 0.02, 4·0.01/2 = 0.02, 4·0.03/3 = 0.04, 4·0.04/4 = 0.04; then the
    // running minimum from the largest rank down changes nothing here.
    double[] expected = {4 * 0.01 / 2, 4 * 0.04 / 4, 4 * 0.03 / 3, 4 * 0.005 / 1};
    assertThat(MultipleTesting.benjaminiHochberg(P)).containsExactly(expected, within(1e-12));
  }

  @Test
  void benjaminiHochbergTakesTheRunningMinimum() {
    // Ranks: 0.01 (1), 0.03 (2), 0.031 (3). Raw m·p/rank: 0.03, 0.045, 0.031; the rank-2 value
    // becomes min(0.045, 0.031).
    double[] adjusted = MultipleTesting.benjaminiHochberg(new double[] {0.031, 0.01, 0.03});
    assertThat(adjusted).containsExactly(new double[] {0.031, 3 * 0.01, 0.031}, within(1e-12));
  }

  @Test
  void holm() {
    // (m − rank + 1)·p: 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, 1·0.04 = 0.04 → running
    // maximum makes the last 0.06.
    double[] expected = {3 * 0.01, 2 * 0.03, 2 * 0.03, 4 * 0.005};
    assertThat(MultipleTesting.holm(P)).containsExactly(expected, within(1e-12));
  }

  @Test
  void undefinedPValuesAreSkipped() {
    double[] adjusted = MultipleTesting.benjaminiHochberg(new double[] {0.02, Double.NaN, 0.04});
    // m = 2: 2·0.02/1 = 0.04, 2·0.04/2 = 0.04.
    assertThat(adjusted[0]).isCloseTo(2 * 0.02 / 1, within(1e-12));
    assertThat(adjusted[1]).isNaN();
    assertThat(adjusted[2]).isCloseTo(2 * 0.04 / 2, within(1e-12));
  }

  @Test
  void adjustedValuesNeverExceedOne() {
    assertThat(MultipleTesting.holm(new double[] {0.6, 0.7})).containsExactly(1.0, 1.0);
    assertThat(MultipleTesting.benjaminiHochberg(new double[] {0.9, 0.95}))
        .containsExactly(0.95, 0.95);
  }
}
