package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeightTunerTest {
  private static final List<String> LAYERS = List.of("content", "popular");

  @Test
  void ndcgOfOneUserByHand() {
    // Scores with w = (1, 0): b 0.9, a 0.5, c 0.1; relevant {a, c}; k = 2: hit at rank 2 only.
    Map<String, List<WeightTuner.Candidate>> byUser =
        Map.of(
            "u",
            List.of(
                new WeightTuner.Candidate("a", new double[] {0.5, 0}),
                new WeightTuner.Candidate("b", new double[] {0.9, 0}),
                new WeightTuner.Candidate("c", new double[] {0.1, 0})));
    Map<String, Set<String>> rel = Map.of("u", Set.of("a", "c"), "v", Set.of("a"));
    double expected = (1 / (Math.log(3) / Math.log(2))) / (1 + 1 / (Math.log(3) / Math.log(2)));
    // v has no candidates: 0, and still counts.
    assertThat(WeightTuner.ndcg(new double[] {1, 0}, byUser, rel, 2))
        .isCloseTo(expected / 2, offset(1e-12));
  }

  @Test
  void findsAWeightNoSingleMoveImprovesAndNeverLosesToTheStart() {
    // Relevant items are those high in both layers: popular alone or content alone ranks worse.
    Random r = new Random(7);
    Map<String, List<WeightTuner.Candidate>> byUser = new HashMap<>();
    Map<String, Set<String>> rel = new HashMap<>();
    for (int u = 0; u < 200; u++) {
      List<WeightTuner.Candidate> c = new ArrayList<>();
      Set<String> relevant = new HashSet<>();
      for (int i = 0; i < 30; i++) {
        double taste = r.nextDouble();
        double pop = r.nextDouble();
        c.add(new WeightTuner.Candidate("i" + i, new double[] {taste, pop}));
        if (taste * pop > 0.45) {
          relevant.add("i" + i);
        }
      }
      byUser.put("u" + u, c);
      if (!relevant.isEmpty()) {
        rel.put("u" + u, relevant);
      }
    }
    Map<String, Double> start = Map.of("content", 0.0, "popular", 1.0);
    WeightTuner.Result t = WeightTuner.tune(LAYERS, byUser, rel, start, 5);
    double[] w = {t.weights().get("content"), t.weights().get("popular")};
    assertThat(w[1]).as("the popular weight is held").isEqualTo(1.0);
    assertThat(t.ndcg()).isCloseTo(WeightTuner.ndcg(w, byUser, rel, 5), offset(1e-12));
    assertThat(t.startNdcg())
        .isCloseTo(WeightTuner.ndcg(new double[] {0, 1}, byUser, rel, 5), offset(1e-12));
    assertThat(t.ndcg()).isGreaterThan(t.startNdcg());
    for (double v : WeightTuner.VALUES) {
      assertThat(WeightTuner.ndcg(new double[] {v, 1}, byUser, rel, 5))
          .as("content weight %s", v)
          .isLessThanOrEqualTo(t.ndcg() + 1e-12);
    }
  }
}
