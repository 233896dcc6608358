package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final double EPS = 1e-12;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void twoHitsOfThreeRelevant() {
    List<String> ranked = List.of("a", "b", "c");
    Set<String> rel = Set.of("a", "c", "z");
    assertThat(RankingMetrics.precisionAtK(ranked, rel, 3)).isCloseTo(2 / 3.0, within(EPS));
    assertThat(RankingMetrics.recallAtK(ranked, rel, 3)).isCloseTo(2 / 3.0, within(EPS));
    // hits at ranks 1 and 3; ideal: three hits at ranks 1..3
    double dcg = 1 / log2(2) + 1 / log2(4);
    double idcg = 1 / log2(2) + 1 / log2(3) + 1 / log2(4);
    assertThat(RankingMetrics.ndcgAtK(ranked, rel, 3)).isCloseTo(dcg / idcg, within(EPS));
    assertThat(RankingMetrics.ndcgAtK(ranked, rel, 3)).isCloseTo(0.7039180890341348, within(1e-9));
    // precision at the hits: 1/1 and 2/3, over min(3, 3)
    assertThat(RankingMetrics.mapAtK(ranked, rel, 3)).isCloseTo((1 + 2 / 3.0) / 3, within(EPS));
  }

  @Test
  void fewerRelevantThanK() {
    List<String> ranked = List.of("a", "b", "c", "d", "e");
    Set<String> rel = Set.of("b");
    assertThat(RankingMetrics.precisionAtK(ranked, rel, 5)).isCloseTo(0.2, within(EPS));
    assertThat(RankingMetrics.recallAtK(ranked, rel, 5)).isCloseTo(1.0, within(EPS));
    // ideal DCG is over one position only
    assertThat(RankingMetrics.ndcgAtK(ranked, rel, 5)).isCloseTo(1 / log2(3), within(EPS));
    // normalised by min(1, 5) = 1, not by k
    assertThat(RankingMetrics.mapAtK(ranked, rel, 5)).isCloseTo(0.5, within(EPS));
  }

  @Test
  void moreRelevantThanKIsPerfectWhenTheTopKAreAllHits() {
    List<String> ranked = List.of("a", "b");
    Set<String> rel = Set.of("a", "b", "c", "d");
    assertThat(RankingMetrics.precisionAtK(ranked, rel, 2)).isEqualTo(1.0);
    assertThat(RankingMetrics.recallAtK(ranked, rel, 2)).isEqualTo(0.5);
    assertThat(RankingMetrics.ndcgAtK(ranked, rel, 2)).isCloseTo(1.0, within(EPS));
    assertThat(RankingMetrics.mapAtK(ranked, rel, 2)).isCloseTo(1.0, within(EPS));
  }

  @Test
  void aListShorterThanKStillDividesPrecisionByK() {
    List<String> ranked = List.of("a");
    Set<String> rel = Set.of("a", "b");
    assertThat(RankingMetrics.precisionAtK(ranked, rel, 3)).isCloseTo(1 / 3.0, within(EPS));
    assertThat(RankingMetrics.recallAtK(ranked, rel, 3)).isCloseTo(0.5, within(EPS));
    assertThat(RankingMetrics.ndcgAtK(ranked, rel, 3))
        .isCloseTo(1 / (1 + 1 / log2(3)), within(EPS));
    assertThat(RankingMetrics.mapAtK(ranked, rel, 3)).isCloseTo(0.5, within(EPS));
  }

  @Test
  void itemsPastKDoNotCount() {
    List<String> ranked = List.of("x", "y", "a");
    Set<String> rel = Set.of("a");
    RankingMetrics.Scores s = RankingMetrics.of(ranked, rel, 2);
    assertThat(s).isEqualTo(new RankingMetrics.Scores(0, 0, 0, 0));
  }

  @Test
  void noRelevantItemIsSkippedNotZero() {
    // recall, nDCG and MAP divide by the relevant count: undefined, so averages skip the user
    assertThat(RankingMetrics.of(List.of("a", "b"), Set.of(), 2)).isNull();
    assertThat(RankingMetrics.recallAtK(List.of("a"), Set.of(), 2)).isNaN();
    assertThat(RankingMetrics.ndcgAtK(List.of("a"), Set.of(), 2)).isNaN();
    assertThat(RankingMetrics.mapAtK(List.of("a"), Set.of(), 2)).isNaN();
    assertThat(RankingMetrics.precisionAtK(List.of("a"), Set.of(), 2)).isZero();
  }

  @Test
  void noRecommendationScoresZero() {
    assertThat(RankingMetrics.of(List.of(), Set.of("a"), 10))
        .isEqualTo(new RankingMetrics.Scores(0, 0, 0, 0));
  }

  @Test
  void tiesAreBrokenByItemId() {
    List<String> ranked = RankingMetrics.rank(Map.of("b", 1.0, "a", 1.0, "c", 2.0, "d", 0.5));
    assertThat(ranked).containsExactly("c", "a", "b", "d");
    // so a tie never lets input order change a metric
    assertThat(RankingMetrics.ndcgAtK(ranked, Set.of("b"), 2)).isZero();
    assertThat(RankingMetrics.ndcgAtK(ranked, Set.of("a"), 2)).isCloseTo(1 / log2(3), within(EPS));
  }

  @Test
  void coverageAndBadArguments() {
    assertThat(RankingMetrics.coverage(3, 10)).isCloseTo(0.3, within(EPS));
    assertThatThrownBy(() -> RankingMetrics.coverage(1, 0)).hasMessageContaining("catalog size");
    assertThatThrownBy(() -> RankingMetrics.precisionAtK(List.of(), Set.of(), 0))
        .hasMessageContaining("k must be >= 1");
  }
}
