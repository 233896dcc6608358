package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CupedTest {

  // (y, x) with x the same metric in the pre-period.
  private static final ArmSums TREATMENT = ArmSums.EMPTY.add(3, 1).add(5, 2).add(7, 4);
  private static final ArmSums HOLDOUT = ArmSums.EMPTY.add(2, 1).add(3, 2).add(5, 3);

  @Test
  void thetaIsPooledCovarianceOverVariance() {
    // Both arms together: n = 6, Σx = 13, Σy = 25, Σxy = 3+10+28+2+6+15 = 64, Σx² = 1+4+16+1+4+9 =
    // 35.
    double cov = (64 - 13.0 * 25 / 6) / 5;
    double varX = (35 - 13.0 * 13 / 6) / 5;
    assertThat(Cuped.of(TREATMENT, HOLDOUT).theta()).isCloseTo(cov / varX, within(1e-12));
  }

  @Test
  void adjustedMeansVariancesAndLift() {
    double theta = ((64 - 13.0 * 25 / 6) / 5) / ((35 - 13.0 * 13 / 6) / 5);
    double muX = 13.0 / 6;
    // Treatment: ȳ = 5, x̄ = 7/3; s²_y = (4+0+4)/2; s²_x = (16/9+1/9+25/9)/2; s_xy = (−2·−4/3 + 0 +
    // 2·5/3)/2.
    double meanT = 5 - theta * (7.0 / 3 - muX);
    double varT = 8.0 / 2 - 2 * theta * ((8.0 / 3 + 10.0 / 3) / 2) + theta * theta * (42.0 / 9 / 2);
    // Holdout: ȳ = 10/3, x̄ = 2; s²_y = (16/9+1/9+25/9)/2; s²_x = (1+0+1)/2; s_xy = (4/3 + 0 +
    // 5/3)/2.
    double meanH = 10.0 / 3 - theta * (2 - muX);
    double varH = 42.0 / 9 / 2 - 2 * theta * (3.0 / 2) + theta * theta * (2.0 / 2);

    CupedResult c = Cuped.of(TREATMENT, HOLDOUT);
    assertThat(c.adjusted().meanTreatment()).isCloseTo(meanT, within(1e-12));
    assertThat(c.adjusted().meanHoldout()).isCloseTo(meanH, within(1e-12));
    assertThat(c.adjusted().absLift()).isCloseTo(meanT - meanH, within(1e-12));
    assertThat(c.adjusted().absSe()).isCloseTo(Math.sqrt(varT / 3 + varH / 3), within(1e-12));
    assertThat(c.unadjusted().absLift()).isCloseTo(5 - 10.0 / 3, within(1e-12));
    assertThat(c.widthRatio())
        .isCloseTo(c.adjusted().absCi().width() / c.unadjusted().absCi().width(), within(1e-12));
  }

  @Test
  void adjustedMomentsEqualThoseOfTheAdjustedRows() {
    // Oracle: adjust every row, y' = y − θ(x − μ_X), then take plain moments.
    double theta = Cuped.of(TREATMENT, HOLDOUT).theta();
    double muX = 13.0 / 6;
    ArmSums rows = ArmSums.of(3 - theta * (1 - muX), 5 - theta * (2 - muX), 7 - theta * (4 - muX));
    ArmMoments adjusted = Cuped.adjust(TREATMENT, theta, muX);
    assertThat(adjusted.mean()).isCloseTo(rows.meanY(), within(1e-12));
    assertThat(adjusted.variance()).isCloseTo(rows.varianceY(), within(1e-9));
  }

  @Test
  void constantCovariateLeavesTheLiftUnadjusted() {
    ArmSums t = ArmSums.EMPTY.add(3, 1).add(5, 1).add(7, 1);
    ArmSums h = ArmSums.EMPTY.add(2, 1).add(3, 1).add(5, 1);
    CupedResult c = Cuped.of(t, h);
    assertThat(c.theta()).isZero();
    assertThat(c.adjusted()).isEqualTo(c.unadjusted());
    assertThat(c.widthRatio()).isEqualTo(1.0);
  }
}
