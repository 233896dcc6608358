package io.cxlake.models.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxlake.models.intents.ClassMetrics.PerClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassMetricsTest {
  // actual \ predicted   a   b   c
  //         a            8   2   0     a: P = 8/9,  R = 8/10, F1 = 16/19
  //         b            1   4   0     b: P = 4/6,  R = 4/5,  F1 = 8/11
  //         c            0   0   0     c: predicted never, true never: all 0, support 0
  private static final Map<String, Map<String, Long>> M =
      Map.of("a", Map.of("a", 8L, "b", 2L), "b", Map.of("a", 1L, "b", 4L), "c", Map.of());

  @Test
  void perClassScoresMatchTheHandComputedOnes() {
    List<PerClass> pc = ClassMetrics.of(M);
    assertThat(pc).extracting(PerClass::label).containsExactly("a", "b", "c");
    assertThat(pc.get(0).precision()).isCloseTo(8.0 / 9, within(1e-12));
    assertThat(pc.get(0).recall()).isCloseTo(0.8, within(1e-12));
    assertThat(pc.get(0).f1()).isCloseTo(16.0 / 19, within(1e-12));
    assertThat(pc.get(0).support()).isEqualTo(10);
    assertThat(pc.get(1).f1()).isCloseTo(8.0 / 11, within(1e-12));
    assertThat(pc.get(2)).isEqualTo(new PerClass("c", 0, 0, 0, 0));
  }

  @Test
  void macroF1IsTheUnweightedMeanOverClasses() {
    List<PerClass> ab = ClassMetrics.of(Map.of("a", M.get("a"), "b", M.get("b")));
    assertThat(ClassMetrics.macroF1(ab)).isCloseTo((16.0 / 19 + 8.0 / 11) / 2, within(1e-12));
    // A listed class with no tickets either way still counts, at 0.
    assertThat(ClassMetrics.macroF1(ClassMetrics.of(M)))
        .isCloseTo((16.0 / 19 + 8.0 / 11) / 3, within(1e-12));
  }

  @Test
  void theMajorityBaselinePredictsTheCommonestTrueClassForEveryTicket() {
    // a holds 10 of 15 tickets: P = 2/3, R = 1, F1 = 0.8; b gets 0; c has no tickets, not counted.
    assertThat(ClassMetrics.majorityMacroF1(M)).isCloseTo(0.8 / 2, within(1e-12));
    // Predicting a for all, scored by macroF1 the usual way, gives the same number.
    Map<String, Map<String, Long>> allA = Map.of("a", Map.of("a", 10L), "b", Map.of("a", 5L));
    assertThat(ClassMetrics.majorityMacroF1(M))
        .isCloseTo(ClassMetrics.macroF1(ClassMetrics.of(allA)), within(1e-12));
    assertThat(ClassMetrics.majorityMacroF1(Map.of())).isNaN();
  }

  @Test
  void accuracyIsTheDiagonalShare() {
    assertThat(ClassMetrics.accuracy(M)).isCloseTo(12.0 / 15, within(1e-12));
    assertThat(ClassMetrics.accuracy(Map.of())).isNaN();
  }
}
