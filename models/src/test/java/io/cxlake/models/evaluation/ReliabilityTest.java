package io.cxlake.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityTest {
  // Two bins: [0, 0.5) holds 0.1, 0.3 (labels 0, 1); [0.5, 1] holds 0.6, 0.8, 1.0 (1, 1, 0).
  private static final double[] P = {0.1, 0.3, 0.6, 0.8, 1.0};
  private static final int[] Y = {0, 1, 1, 1, 0};

  @Test
  void theCurveHoldsMeanPredictedAndObservedRatePerBin() {
    List<Reliability.Bin> curve = Reliability.curve(P, Y, 2);
    assertThat(curve).hasSize(2);
    Reliability.Bin low = curve.get(0);
    assertThat(low.count()).isEqualTo(2);
    assertThat(low.meanPredicted()).isCloseTo(0.2, within(1e-12));
    assertThat(low.observedRate()).isCloseTo(0.5, within(1e-12));
    Reliability.Bin high = curve.get(1);
    assertThat(high.count()).as("1.0 falls in the last bin").isEqualTo(3);
    assertThat(high.meanPredicted()).isCloseTo(0.8, within(1e-12));
    assertThat(high.observedRate()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void eceWeighsEachBinsGapByItsShare() {
    // 2/5 × |0.2 − 0.5| + 3/5 × |0.8 − 2/3| = 0.12 + 0.08 = 0.2
    assertThat(Reliability.ece(P, Y, 2)).isCloseTo(0.2, within(1e-12));
    // Ten bins: each example alone in its bin except none share; gaps .1 .7 .4 .2 1.0 → mean .48
    assertThat(Reliability.ece(P, Y, 10)).isCloseTo(0.48, within(1e-12));
  }

  @Test
  void emptyBinsAreLeftOutAndOneClassIsFine() {
    List<Reliability.Bin> curve =
        Reliability.curve(new double[] {0.05, 0.05}, new int[] {0, 0}, 10);
    assertThat(curve).extracting(Reliability.Bin::index).containsExactly(0);
    assertThat(Reliability.ece(new double[] {0.05, 0.05}, new int[] {0, 0}, 10))
        .isCloseTo(0.05, within(1e-12));
  }

  @Test
  void badInputsGiveAClearError() {
    assertThatThrownBy(() -> Reliability.curve(new double[0], new int[0], 10))
        .hasMessageContaining("at least one example");
    assertThatThrownBy(() -> Reliability.curve(new double[] {-0.1}, new int[] {0}, 10))
        .hasMessage("reliability curve: value -0.1 at 0 is not a probability in [0, 1]");
    assertThatThrownBy(() -> Reliability.curve(new double[] {0.1}, new int[] {0}, 0))
        .hasMessage("a reliability curve needs at least one bin, not 0");
  }
}
