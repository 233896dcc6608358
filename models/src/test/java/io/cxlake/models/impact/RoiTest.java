package io.cxlake.models.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The worked example of the README's ROI section. */
class RoiTest {

  // Lifts per eligible user over a 30-day window, treatment − holdout, with standard errors.
  static final RoiInputs EXAMPLE =
      new RoiInputs(
          new Estimate(0.50, 0.20), // revenue net of returns
          0.40, // gross margin
          new Estimate(-0.10, 0.05), // agent minutes (a saving)
          0.80, // cost per agent minute
          new Estimate(-0.01, 0.004), // returned items (a saving)
          5.00, // cost of processing one return
          0.05, // incentive cost per user
          10_000, // eligible users
          1_000, // operating cost of the window
          30);

  @Test
  void workedExample() {
    RoiResult r = Roi.of(EXAMPLE);

    double perUser = 0.40 * 0.50 + 0.80 * 0.10 + 5.00 * 0.01 - 0.05; // 0.20 + 0.08 + 0.05 − 0.05
    double profit = 10_000 * perUser;
    double net = profit - 1_000;
    double perUserSe =
        Math.sqrt(Math.pow(0.40 * 0.20, 2) + Math.pow(0.80 * 0.05, 2) + Math.pow(5.00 * 0.004, 2));
    double roiSe = 10_000 * perUserSe / 1_000;
    double z = 1.959964; // standard normal, 97.5%

    assertThat(r.grossProfitPerUser())
        .isCloseTo(0.28, within(1e-12))
        .isCloseTo(perUser, within(1e-12));
    assertThat(r.incrementalGrossProfit()).isCloseTo(2_800, within(1e-9));
    assertThat(r.incrementalGrossProfitSe()).isCloseTo(10_000 * perUserSe, within(1e-9));
    assertThat(r.netBenefit()).isCloseTo(net, within(1e-9)).isCloseTo(1_800, within(1e-9));
    assertThat(r.roi()).isCloseTo(net / 1_000, within(1e-12)).isCloseTo(1.8, within(1e-12));
    assertThat(roiSe).isCloseTo(Math.sqrt(0.0084) * 10, within(1e-12)); // 0.0064 + 0.0016 + 0.0004
    assertThat(r.roiSe()).isCloseTo(roiSe, within(1e-12));
    assertThat(r.roiCi().low()).isCloseTo(1.8 - z * roiSe, within(1e-5));
    assertThat(r.roiCi().high()).isCloseTo(1.8 + z * roiSe, within(1e-5));
    assertThat(r.pRoiPositive()).isCloseTo(0.9752, within(1e-4)); // Φ(1.8 / 0.9165) = Φ(1.964)
    assertThat(r.paybackDays()).isCloseTo(1_000 / (2_800.0 / 30), within(1e-9)); // 10.7 days
  }

  @Test
  void intervalAndProbabilityAgreeWithSamplingTheLifts() {
    // Draw the three lifts from their normal approximations with a seeded RNG and push each draw
    // through the ROI formula.
    SplittableRandom rng = new SplittableRandom(7);
    int draws = 200_000;
    double[] rois = new double[draws];
    int positive = 0;
    for (int i = 0; i < draws; i++) {
      double revenue = 0.50 + 0.20 * rng.nextGaussian();
      double minutes = -0.10 + 0.05 * rng.nextGaussian();
      double returns = -0.01 + 0.004 * rng.nextGaussian();
      double perUser = 0.40 * revenue - 0.80 * minutes - 5.00 * returns - 0.05;
      rois[i] = (10_000 * perUser - 1_000) / 1_000;
      positive += rois[i] > 0 ? 1 : 0;
    }
    Arrays.sort(rois);
    RoiResult r = Roi.of(EXAMPLE);
    assertThat((double) positive / draws).isCloseTo(r.pRoiPositive(), within(0.002));
    assertThat(rois[(int) (0.025 * draws)]).isCloseTo(r.roiCi().low(), within(0.02));
    assertThat(rois[(int) (0.975 * draws)]).isCloseTo(r.roiCi().high(), within(0.02));
  }

  @Test
  void scalesWithTheEligiblePopulationNotTheSample() {
    RoiInputs small = RoiInputs.revenueOnly(new Estimate(1.0, 0.1), 0.5, 1_000, 100, 7);
    RoiInputs large = RoiInputs.revenueOnly(new Estimate(1.0, 0.1), 0.5, 10_000, 100, 7);
    assertThat(Roi.of(small).incrementalGrossProfit()).isCloseTo(0.5 * 1_000, within(1e-9));
    assertThat(Roi.of(large).incrementalGrossProfit()).isCloseTo(0.5 * 10_000, within(1e-9));
  }

  @Test
  void anAutomationThatEarnsNothingNeverPaysBack() {
    RoiResult r = Roi.of(RoiInputs.revenueOnly(new Estimate(-0.2, 0.1), 0.5, 1_000, 100, 7));
    assertThat(r.roi()).isLessThan(-1);
    assertThat(r.paybackDays()).isInfinite();
    assertThat(r.pRoiPositive()).isLessThan(0.001);
  }

  @Test
  void rejectsInputsWithoutMeaning() {
    assertThatThrownBy(() -> RoiInputs.revenueOnly(Estimate.ZERO, 0.4, 10, 0, 30))
        .hasMessageContaining("operatingCost");
    assertThatThrownBy(() -> RoiInputs.revenueOnly(Estimate.ZERO, 1.4, 10, 1, 30))
        .hasMessageContaining("grossMargin");
  }
}
