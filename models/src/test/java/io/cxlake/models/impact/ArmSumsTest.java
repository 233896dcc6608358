package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ArmSumsTest {

  @Test
  void momentsFromSumsMatchTwoPassFormulas() {
    // (y, x): (2, 1), (4, 3), (9, 2)
    ArmSums s = ArmSums.EMPTY.add(2, 1).add(4, 3).add(9, 2);
    double meanY = (2 + 4 + 9) / 3.0;
    double meanX = (1 + 3 + 2) / 3.0;
    double varY = (sq(2 - meanY) + sq(4 - meanY) + sq(9 - meanY)) / 2;
    double varX = (sq(1 - meanX) + sq(3 - meanX) + sq(2 - meanX)) / 2;
    double cov =
        ((2 - meanY) * (1 - meanX) + (4 - meanY) * (3 - meanX) + (9 - meanY) * (2 - meanX)) / 2;

    assertThat(s.n()).isEqualTo(3);
    assertThat(s.meanY()).isCloseTo(meanY, within(1e-12));
    assertThat(s.meanX()).isCloseTo(meanX, within(1e-12));
    assertThat(s.varianceY()).isCloseTo(varY, within(1e-12));
    assertThat(s.varianceX()).isCloseTo(varX, within(1e-12));
    assertThat(s.covarianceXY()).isCloseTo(cov, within(1e-12));
  }

  @Test
  void mergeOfPartsEqualsSumsOfAllRows() {
    ArmSums left = ArmSums.EMPTY.add(2, 1).add(4, 3);
    ArmSums right = ArmSums.EMPTY.add(9, 2);
    assertThat(left.merge(right)).isEqualTo(ArmSums.EMPTY.add(2, 1).add(4, 3).add(9, 2));
    assertThat(ArmSums.EMPTY.merge(left)).isEqualTo(left);
  }

  @Test
  void varianceIsUndefinedBelowTwoUsers() {
    assertThat(ArmSums.of(5).varianceY()).isNaN();
    assertThat(ArmSums.EMPTY.meanY()).isNaN();
  }

  @Test
  void ratioSumsMergeLikeRows() {
    RatioArmSums a = RatioArmSums.EMPTY.add(10, 1).add(30, 2);
    RatioArmSums b = RatioArmSums.EMPTY.add(0, 0);
    assertThat(a.merge(b)).isEqualTo(RatioArmSums.EMPTY.add(10, 1).add(30, 2).add(0, 0));
  }

  private static double sq(double v) {
    return v * v;
  }
}
