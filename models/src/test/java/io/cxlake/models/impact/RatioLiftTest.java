package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class RatioLiftTest {

  // Users as (revenue, orders); the user with no order still counts.
  private static final RatioArmSums TREATMENT =
      RatioArmSums.EMPTY.add(10, 1).add(30, 2).add(0, 0).add(20, 1);
  private static final RatioArmSums HOLDOUT = RatioArmSums.EMPTY.add(12, 1).add(0, 0).add(24, 2);

  @Test
  void deltaMethodVarianceOfAov() {
    // Treatment: n = 4, AOV = 60 / 4 = 15, mean orders = 1.
    // Deviations of revenue from 15: −5, 15, −15, 5; of orders from 1: 0, 1, −1, 0.
    double r = 60.0 / 4;
    double varNum = (25 + 225 + 225 + 25) / 3.0;
    double varDen = (0 + 1 + 1 + 0) / 3.0;
    double cov = (-5 * 0 + 15 * 1 + -15 * -1 + 5 * 0) / 3.0;
    double meanDen = 4.0 / 4;
    double expected = (varNum - 2 * r * cov + r * r * varDen) / (meanDen * meanDen * 4);

    assertThat(TREATMENT.ratio()).isEqualTo(r);
    assertThat(TREATMENT.ratioVariance()).isCloseTo(expected, within(1e-9));
    assertThat(expected).isCloseTo(25.0 / 6, within(1e-12));
  }

  @Test
  void everyOrderWorthTheSameGivesZeroVariance() {
    // Holdout orders are all worth 12: AOV = 36 / 3 = 12 with no uncertainty at all.
    assertThat(HOLDOUT.ratio()).isEqualTo(12);
    assertThat(HOLDOUT.ratioVariance()).isCloseTo(0, within(1e-9));
  }

  @Test
  void aovLiftAndItsIntervals() {
    LiftResult l = RatioLift.of(TREATMENT, HOLDOUT);
    double varT = 25.0 / 6;
    double varH = HOLDOUT.ratioVariance();
    double z = new NormalDistribution().inverseCumulativeProbability(0.975);
    double se = Math.sqrt(varT + varH);

    assertThat(l.absLift()).isCloseTo(15 - 12, within(1e-12));
    assertThat(l.absSe()).isCloseTo(se, within(1e-9));
    assertThat(l.df()).isInfinite();
    assertThat(l.absCi().low()).isCloseTo(3 - z * se, within(1e-9));
    assertThat(l.absCi().high()).isCloseTo(3 + z * se, within(1e-9));
    assertThat(l.pValue())
        .isCloseTo(2 * new NormalDistribution().cumulativeProbability(-3 / se), within(1e-9));

    double relSe = Math.sqrt(varT / (12 * 12) + 15 * 15 * varH / Math.pow(12, 4));
    assertThat(l.relLift()).isCloseTo(15.0 / 12 - 1, within(1e-12));
    assertThat(l.relSe()).isCloseTo(relSe, within(1e-9));
  }

  @Test
  void noOrdersAtAllLeavesAovUndefined() {
    RatioArmSums none = RatioArmSums.EMPTY.add(0, 0).add(0, 0);
    assertThat(none.ratioVariance()).isNaN();
    assertThat(RatioLift.of(TREATMENT, none).absCi()).isEqualTo(Interval.UNDEFINED);
  }
}
