package io.cxlake.models.recs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Top-k ranking metrics of one user's recommendations against the items held out for that user,
 * binary relevance. Plain arithmetic; {@link RankingEvaluation} averages them over users.
 *
 * <ul>
 *   <li>precision@k: hits in the top k / k (a list shorter than k still divides by k, as the
 *       Microsoft Recommenders evaluation does);
 *   <li>recall@k: hits in the top k / |relevant|;
 *   <li>nDCG@k: Σ over hits at rank r of 1/log2(r+1), over the ideal Σ_{r=1..min(|relevant|,k)};
 *   <li>MAP@k: Σ over hits at rank r of precision@r, over min(|relevant|, k).
 * </ul>
 *
 * A user with no relevant item has no defined recall, nDCG or MAP: averages skip such users (see
 * {@link #of}); a user with relevant items but no recommendation scores 0 on every metric.
 */
public final class RankingMetrics {
  /** One user's four metrics. */
  public record Scores(double precision, double recall, double ndcg, double map) {}

  private RankingMetrics() {}

  /**
   * Items ordered best first: higher score first, ties broken by item id ascending, so a ranking
   * never depends on input order.
   */
  public static List<String> rank(Map<String, Double> scores) {
    List<String> items = new ArrayList<>(scores.keySet());
    items.sort(
        Comparator.comparing((String i) -> scores.get(i))
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    return items;
  }

  /** Hits in the top k over k. */
  public static double precisionAtK(List<String> ranked, Collection<String> relevant, int k) {
    requireK(k);
    return hits(ranked, set(relevant), k) / (double) k;
  }

  /** Hits in the top k over the number of relevant items; NaN when there is none. */
  public static double recallAtK(List<String> ranked, Collection<String> relevant, int k) {
    requireK(k);
    Set<String> rel = set(relevant);
    return rel.isEmpty() ? Double.NaN : hits(ranked, rel, k) / (double) rel.size();
  }

  /** Normalised discounted cumulative gain at k; NaN when nothing is relevant. */
  public static double ndcgAtK(List<String> ranked, Collection<String> relevant, int k) {
    requireK(k);
    Set<String> rel = set(relevant);
    if (rel.isEmpty()) {
      return Double.NaN;
    }
    double dcg = 0;
    int n = Math.min(k, ranked.size());
    for (int r = 1; r <= n; r++) {
      if (rel.contains(ranked.get(r - 1))) {
        dcg += discount(r);
      }
    }
    double ideal = 0;
    for (int r = 1; r <= Math.min(rel.size(), k); r++) {
      ideal += discount(r);
    }
    return dcg / ideal;
  }

  /**
   * Mean average precision at k, normalised by min(|relevant|, k); NaN when nothing is relevant.
   */
  public static double mapAtK(List<String> ranked, Collection<String> relevant, int k) {
    requireK(k);
    Set<String> rel = set(relevant);
    if (rel.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    int hits = 0;
    int n = Math.min(k, ranked.size());
    for (int r = 1; r <= n; r++) {
      if (rel.contains(ranked.get(r - 1))) {
        hits++;
        sum += hits / (double) r;
      }
    }
    return sum / Math.min(rel.size(), k);
  }

  /** All four for one user; null when the user has no relevant item (skipped by averages). */
  public static Scores of(List<String> ranked, Collection<String> relevant, int k) {
    Set<String> rel = set(relevant);
    if (rel.isEmpty()) {
      return null;
    }
    return new Scores(
        precisionAtK(ranked, rel, k),
        recallAtK(ranked, rel, k),
        ndcgAtK(ranked, rel, k),
        mapAtK(ranked, rel, k));
  }

  /** Share of the catalog that appears in at least one user's recommendations. */
  public static double coverage(long distinctRecommended, long catalogSize) {
    if (catalogSize <= 0) {
      throw new IllegalArgumentException("catalog size must be > 0, got " + catalogSize);
    }
    return distinctRecommended / (double) catalogSize;
  }

  private static double discount(int rank) {
    return 1.0 / (Math.log(rank + 1) / Math.log(2));
  }

  private static int hits(List<String> ranked, Set<String> rel, int k) {
    int h = 0;
    int n = Math.min(k, ranked.size());
    for (int r = 0; r < n; r++) {
      if (rel.contains(ranked.get(r))) {
        h++;
      }
    }
    return h;
  }

  private static Set<String> set(Collection<String> c) {
    return c instanceof Set<String> s ? s : new HashSet<>(c);
  }

  private static void requireK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }
}
