package io.cxlake.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every expected value is worked out by hand in the comment beside it. */
class BinaryMetricsTest {
  private static final double[] S = {0.9, 0.8, 0.7, 0.6};
  private static final int[] Y = {1, 0, 1, 0};

  @Test
  void aucRocCountsTheOrderedPairs() {
    // 0.9 beats both negatives, 0.7 beats 0.6 only: 3 of 4 pairs.
    assertThat(BinaryMetrics.aucRoc(S, Y)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void aucRocGivesATiedPairHalfAPoint() {
    // positives 0.5, 0.8; negatives 0.5, 0.2: pairs 0.5 + 1 + 1 + 1 = 3.5 of 4.
    double[] s = {0.5, 0.5, 0.2, 0.8};
    int[] y = {1, 0, 0, 1};
    assertThat(BinaryMetrics.aucRoc(s, y)).isCloseTo(0.875, within(1e-12));
    // Every score tied: a coin flip, whatever the order of the input.
    assertThat(BinaryMetrics.aucRoc(new double[] {0.3, 0.3, 0.3}, new int[] {1, 0, 0}))
        .isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aucRocIsOneForAPerfectRankingAndZeroForAReversedOne() {
    assertThat(BinaryMetrics.aucRoc(new double[] {0.9, 0.1}, new int[] {1, 0})).isEqualTo(1.0);
    assertThat(BinaryMetrics.aucRoc(new double[] {0.1, 0.9}, new int[] {1, 0})).isEqualTo(0.0);
  }

  @Test
  void averagePrecisionStepsOncePerDistinctScore() {
    // 0.9: recall +1/2 at precision 1; 0.7: recall +1/2 at precision 2/3. 1/2 + 1/3.
    assertThat(BinaryMetrics.aucPr(S, Y)).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
    // A tie group {pos, neg} under a negative at 0.9: recall +1 at precision 1/3, not 1/2.
    double[] s = {0.9, 0.5, 0.5};
    int[] y = {0, 1, 0};
    assertThat(BinaryMetrics.aucPr(s, y)).isCloseTo(1.0 / 3, within(1e-12));
    // All positives: precision is 1 everywhere.
    assertThat(BinaryMetrics.aucPr(new double[] {0.2, 0.4}, new int[] {1, 1})).isEqualTo(1.0);
  }

  @Test
  void brierIsTheMeanSquaredError() {
    // (0.1² + 0.2² + 0.5²) / 3 = (0.01 + 0.04 + 0.25) / 3 = 0.1
    assertThat(BinaryMetrics.brier(new double[] {0.9, 0.2, 0.5}, new int[] {1, 0, 1}))
        .isCloseTo(0.1, within(1e-12));
    // One class is fine for Brier: it is defined per example.
    assertThat(BinaryMetrics.brier(new double[] {0.25, 0.25}, new int[] {0, 0}))
        .isCloseTo(0.0625, within(1e-12));
  }

  @Test
  void oneClassInputsGiveAClearError() {
    assertThatThrownBy(() -> BinaryMetrics.aucRoc(new double[] {0.1, 0.2}, new int[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AUC-ROC is undefined: all 2 labels are 0 (needs both classes)");
    assertThatThrownBy(() -> BinaryMetrics.aucRoc(new double[] {0.1, 0.2}, new int[] {1, 1}))
        .hasMessage("AUC-ROC is undefined: all 2 labels are 1 (needs both classes)");
    assertThatThrownBy(() -> BinaryMetrics.aucPr(new double[] {0.1, 0.2}, new int[] {0, 0}))
        .hasMessage("AUC-PR is undefined: none of the 2 labels is 1 (needs a positive)");
  }

  @Test
  void malformedInputsGiveAClearError() {
    assertThatThrownBy(() -> BinaryMetrics.aucRoc(new double[0], new int[0]))
        .hasMessage("AUC-ROC is undefined on no examples");
    assertThatThrownBy(() -> BinaryMetrics.aucRoc(new double[] {0.1}, new int[] {1, 0}))
        .hasMessage("AUC-ROC: 1 scores but 2 labels");
    assertThatThrownBy(() -> BinaryMetrics.aucRoc(new double[] {0.1, 0.2}, new int[] {1, 2}))
        .hasMessage("AUC-ROC: label 2 at 1 is neither 0 nor 1");
    assertThatThrownBy(() -> BinaryMetrics.aucPr(new double[] {Double.NaN}, new int[] {1}))
        .hasMessage("AUC-PR: score at 0 is NaN");
    assertThatThrownBy(() -> BinaryMetrics.brier(new double[] {1.5}, new int[] {1}))
        .hasMessage("Brier score: value 1.5 at 0 is not a probability in [0, 1]");
  }
}
