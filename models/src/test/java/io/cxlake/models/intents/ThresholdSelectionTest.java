package io.cxlake.models.intents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.models.intents.ThresholdSelection.Choice;
import io.cxlake.models.intents.ThresholdSelection.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholds checked against precision worked out by hand, row by row, in the comments. */
class ThresholdSelectionTest {
  private static Prediction p(double confidence, boolean correct) {
    return new Prediction(confidence, correct);
  }

  /** Given shuffled, so the selection must sort by confidence itself. */
  private static final List<Prediction> SEVEN =
      List.of(
          p(0.60, false),
          p(0.95, true),
          p(0.85, false),
          p(0.50, false),
          p(0.90, true),
          p(0.70, true),
          p(0.80, true));

  // Cumulative from the top:  t=0.95: 1/1 = 1.00   t=0.90: 2/2 = 1.00   t=0.85: 2/3 = 0.67
  //                           t=0.80: 3/4 = 0.75   t=0.70: 4/5 = 0.80   t=0.60: 4/6 = 0.67
  //                           t=0.50: 4/7 = 0.57

  @Test
  void lowestThresholdMeetingTheTargetWins() {
    // 0.75 is met at 0.95, 0.90, 0.80 and 0.70; the lowest, 0.70, automates 5 at 4/5.
    Choice c = ThresholdSelection.choose(SEVEN, 0.75, 1);
    assertThat(c.threshold()).isEqualTo(0.70);
    assertThat(c.precision()).isEqualTo(0.8);
    assertThat(c.automated()).isEqualTo(5);
  }

  @Test
  void aHigherTargetKeepsOnlyThePerfectTop() {
    // 0.9 is met only at 0.95 and 0.90 (2/2); 0.80 (3/4) and 0.70 (4/5) fall short.
    Choice c = ThresholdSelection.choose(SEVEN, 0.9, 1);
    assertThat(c.threshold()).isEqualTo(0.90);
    assertThat(c.precision()).isEqualTo(1.0);
    assertThat(c.automated()).isEqualTo(2);
  }

  @Test
  void minimumSupportRulesOutThresholdsOnTooFewTickets() {
    // With at least 3 tickets, 0.95 and 0.90 are out; 0.80 (3/4) fails 0.8; 0.70 (4/5) meets it.
    assertThat(ThresholdSelection.choose(SEVEN, 0.8, 3).threshold()).isEqualTo(0.70);
    // With at least 6, only 4/6 and 4/7 remain: neither reaches 0.75, so never automate.
    Choice none = ThresholdSelection.choose(SEVEN, 0.75, 6);
    assertThat(none.threshold()).isNull();
    assertThat(none.automates(0.99)).isFalse();
  }

  @Test
  void tiedConfidencesAreTakenTogether() {
    // At 0.8 the three tied tickets count together: 2/4 = 0.5. Splitting them would claim 2/2.
    List<Prediction> tied = List.of(p(0.9, true), p(0.8, true), p(0.8, false), p(0.8, false));
    assertThat(ThresholdSelection.choose(tied, 0.5, 1).threshold()).isEqualTo(0.8);
    assertThat(ThresholdSelection.choose(tied, 0.5, 1).automated()).isEqualTo(4);
    assertThat(ThresholdSelection.choose(tied, 0.6, 1).threshold()).isEqualTo(0.9);
  }

  @Test
  void nineOfTenMeetsNinetyPercentDespiteRounding() {
    // 0.9 * 10 is 9.000000000000002 in doubles; 9 right of 10 must still count as 0.9.
    List<Prediction> ten = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      ten.add(p(i / 10.0, i != 5));
    }
    Choice c = ThresholdSelection.choose(ten, 0.9, 1);
    assertThat(c.threshold()).isEqualTo(0.1);
    assertThat(c.automated()).isEqualTo(10);
    assertThat(c.precision()).isEqualTo(0.9);
  }

  @Test
  void noPredictionsOrNoneRightMeansNeverAutomate() {
    assertThat(ThresholdSelection.choose(List.of(), 0.9, 1)).isEqualTo(Choice.NONE);
    assertThat(ThresholdSelection.choose(List.of(p(0.99, false)), 0.9, 1).threshold()).isNull();
  }

  @Test
  void aThresholdAutomatesAtOrAboveIt() {
    Choice c = new Choice(0.7, 0.8, 5);
    assertThat(c.automates(0.7)).isTrue();
    assertThat(c.automates(0.6999)).isFalse();
  }
}
