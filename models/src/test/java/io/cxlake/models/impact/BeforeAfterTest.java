package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BeforeAfterTest {

  @Test
  void pairedChangeOfTheTreatedUsers() {
    // (after, before): (5, 3), (4, 4), (6, 2) → changes 2, 0, 4: mean 2, s² = (0+4+4)/2 = 4.
    BeforeAfterResult r = BeforeAfter.of(ArmSums.EMPTY.add(5, 3).add(4, 4).add(6, 2));
    double se = Math.sqrt(4.0 / 3);
    double t2 = 4.302653; // Student's t, 2 df, 97.5% (printed tables)

    assertThat(r.meanBefore()).isCloseTo(3, within(1e-12));
    assertThat(r.meanAfter()).isCloseTo(5, within(1e-12));
    assertThat(r.change()).isCloseTo(2, within(1e-12));
    assertThat(r.se()).isCloseTo(se, within(1e-12));
    assertThat(r.ci().low()).isCloseTo(2 - t2 * se, within(1e-5));
    assertThat(r.ci().high()).isCloseTo(2 + t2 * se, within(1e-5));
    assertThat(r.label()).startsWith("naive");
  }

  @Test
  void aSeasonalRiseCountsAsLiftOnlyInTheNaiveEstimate() {
    // Everyone spends 2 more after the start (season); the automation adds 1 for the treated.
    double season = 2;
    double effect = 1;
    SplittableRandom rng = new SplittableRandom(3);
    ArmSums treated = ArmSums.EMPTY;
    ArmSums holdout = ArmSums.EMPTY;
    for (int i = 0; i < 5_000; i++) {
      double before = 10 + 3 * rng.nextGaussian();
      treated = treated.add(before + season + effect + rng.nextGaussian(), before);
      before = 10 + 3 * rng.nextGaussian();
      holdout = holdout.add(before + season + rng.nextGaussian(), before);
    }

    BeforeAfterResult naive = BeforeAfter.of(treated);
    LiftResult holdoutEstimate = WelchLift.of(treated, holdout);

    assertThat(naive.ci().contains(season + effect)).isTrue();
    assertThat(naive.ci().contains(effect)).isFalse();
    assertThat(holdoutEstimate.absCi().contains(effect)).isTrue();
  }
}
