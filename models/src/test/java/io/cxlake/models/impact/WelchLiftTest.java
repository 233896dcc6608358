package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class WelchLiftTest {

  @Test
  void welchLiftOnASmallSample() {
    LiftResult r = WelchLift.of(ArmSums.of(1, 2, 3, 4), ArmSums.of(1, 1, 2));

    double meanT = (1 + 2 + 3 + 4) / 4.0; // 2.5
    double varT = (2.25 + 0.25 + 0.25 + 2.25) / 3; // squared deviations from 2.5
    double meanH = (1 + 1 + 2) / 3.0; // 4/3
    double varH = (1.0 / 9 + 1.0 / 9 + 4.0 / 9) / 2; // squared deviations from 4/3
    double vT = varT / 4;
    double vH = varH / 3;
    double se = Math.sqrt(vT + vH);
    double df = (vT + vH) * (vT + vH) / (vT * vT / 3 + vH * vH / 2);
    double t = new TDistribution(df).inverseCumulativeProbability(0.975);
    double p = 2 * new TDistribution(df).cumulativeProbability(-(meanT - meanH) / se);

    assertThat(r.meanTreatment()).isCloseTo(meanT, within(1e-12));
    assertThat(r.meanHoldout()).isCloseTo(meanH, within(1e-12));
    assertThat(r.absLift()).isCloseTo(meanT - meanH, within(1e-12));
    assertThat(r.absSe()).isCloseTo(se, within(1e-12));
    assertThat(r.df()).isCloseTo(df, within(1e-9));
    assertThat(r.absCi().low()).isCloseTo(meanT - meanH - t * se, within(1e-9));
    assertThat(r.absCi().high()).isCloseTo(meanT - meanH + t * se, within(1e-9));
    assertThat(r.pValue()).isCloseTo(p, within(1e-9));

    // Relative lift by the delta method: Var(T/H) ≈ vT/H² + T²·vH/H⁴.
    double relSe = Math.sqrt(vT / (meanH * meanH) + meanT * meanT * vH / Math.pow(meanH, 4));
    double z = new NormalDistribution().inverseCumulativeProbability(0.975);
    assertThat(r.relLift()).isCloseTo(meanT / meanH - 1, within(1e-12));
    assertThat(r.relSe()).isCloseTo(relSe, within(1e-12));
    assertThat(r.relCi().low()).isCloseTo(meanT / meanH - 1 - z * relSe, within(1e-9));
    assertThat(r.relCi().high()).isCloseTo(meanT / meanH - 1 + z * relSe, within(1e-9));
  }

  @Test
  void equalVariancesAndSizesGivePooledDegreesOfFreedom() {
    // Welch–Satterthwaite reduces to n₁ + n₂ − 2 when the arms' s²/n agree.
    ArmMoments a = new ArmMoments(10, 1, 4);
    ArmMoments b = new ArmMoments(10, 0, 4);
    assertThat(WelchLift.welchSatterthwaiteDf(a, b)).isCloseTo(10 + 10 - 2, within(1e-12));
  }

  @Test
  void constantArmsGiveAnExactDifference() {
    LiftResult r = WelchLift.of(ArmSums.of(1, 1, 1), ArmSums.of(0, 0));
    assertThat(r.absCi()).isEqualTo(new Interval(1, 1));
    assertThat(r.pValue()).isZero();
  }

  @Test
  void undefinedWhereTheDataCannotSayAnything() {
    LiftResult tiny = WelchLift.of(ArmSums.of(1, 2), ArmSums.of(1));
    assertThat(tiny.absCi()).isEqualTo(Interval.UNDEFINED);
    assertThat(tiny.pValue()).isNaN();

    LiftResult zeroHoldout = WelchLift.of(ArmSums.of(0, 1, 1), ArmSums.of(0, 0, 0));
    assertThat(zeroHoldout.absLift()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(zeroHoldout.relLift()).isNaN();
    assertThat(zeroHoldout.relCi()).isEqualTo(Interval.UNDEFINED);
  }
}
