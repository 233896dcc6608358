package io.cxlake.models.recs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the blend weights on a validation split by coordinate ascent on mean nDCG@k: each layer's
 * weight in turn is tried at every value of {@link #VALUES}, the others held, and the best kept;
 * rounds repeat until nothing improves. The popular layer keeps its weight (the ranking does not
 * change when every weight is scaled, so one weight is fixed). Plain Java on the evidence the
 * blender computes ({@link Blender#evidence}), so the search costs no Spark job.
 */
public final class WeightTuner {
  static final double[] VALUES = {0, 0.1, 0.25, 0.5, 1, 2, 4};
  static final int MAX_ROUNDS = 4;

  /** One candidate of one user: its item and each layer's evidence, in the order of the layers. */
  public record Candidate(String item, double[] x) {}

  /** The chosen weights and the validation nDCG@k they reached, beside the starting weights'. */
  public record Result(Map<String, Double> weights, double ndcg, double startNdcg) {}

  private WeightTuner() {}

  public static Result tune(
      List<String> layers,
      Map<String, List<Candidate>> byUser,
      Map<String, Set<String>> relevant,
      Map<String, Double> start,
      int k) {
    double[] w = new double[layers.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = start.getOrDefault(layers.get(i), 0.0);
    }
    double startScore = ndcg(w, byUser, relevant, k);
    double best = startScore;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean improved = false;
      for (int i = 0; i < w.length; i++) {
        if (layers.get(i).equals(Candidates.POPULAR) && w[i] > 0) {
          continue;
        }
        double keep = w[i];
        for (double v : VALUES) {
          if (v == keep) {
            continue;
          }
          w[i] = v;
          double s = ndcg(w, byUser, relevant, k);
          if (s > best + 1e-12) {
            best = s;
            keep = v;
            improved = true;
          }
        }
        w[i] = keep;
      }
      if (!improved) {
        break;
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < w.length; i++) {
      out.put(layers.get(i), w[i]);
    }
    return new Result(out, best, startScore);
  }

  /** Mean nDCG@k over the users with a relevant item (a user without candidates scores 0). */
  static double ndcg(
      double[] w, Map<String, List<Candidate>> byUser, Map<String, Set<String>> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    double total = 0;
    for (Map.Entry<String, Set<String>> e : relevant.entrySet()) {
      List<Candidate> cands = byUser.getOrDefault(e.getKey(), List.of());
      List<Map.Entry<String, Double>> scored = new ArrayList<>(cands.size());
      for (Candidate c : cands) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
          s += w[i] * c.x()[i];
        }
        if (s > 0) {
          scored.add(Map.entry(c.item(), s));
        }
      }
      scored.sort(
          Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
              .reversed()
              .thenComparing(Map.Entry::getKey));
      double dcg = 0;
      for (int r = 0; r < Math.min(k, scored.size()); r++) {
        if (e.getValue().contains(scored.get(r).getKey())) {
          dcg += 1 / log2(r + 2);
        }
      }
      double ideal = 0;
      for (int r = 0; r < Math.min(k, e.getValue().size()); r++) {
        ideal += 1 / log2(r + 2);
      }
      total += dcg / ideal;
    }
    return total / relevant.size();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
