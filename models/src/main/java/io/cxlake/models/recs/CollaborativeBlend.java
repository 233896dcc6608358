package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Several layers merged by weighted reciprocal rank: an item's blended score is Σ over layers of
 * weight / (c + its rank in that layer's top {@code candidates}). Ranks, not scores, because the
 * layers' scores live on different scales. The weights are chosen on validation ({@link #tune});
 * each blended item keeps the layer that contributed most.
 */
public final class CollaborativeBlend implements CollaborativeModel {
  public static final String LAYER = "blend";
  public static final double C = 10;

  private final List<CollaborativeModel> layers;
  private final double[] weights;
  private final int candidates;
  private final Map<String, String> notes = new LinkedHashMap<>();

  public CollaborativeBlend(List<CollaborativeModel> layers, double[] weights, int candidates) {
    if (layers.isEmpty() || layers.size() != weights.length) {
      throw new IllegalArgumentException(
          "a blend needs one weight per layer: "
              + layers.size()
              + " layers, "
              + weights.length
              + " weights");
    }
    this.layers = List.copyOf(layers);
    this.weights = weights.clone();
    this.candidates = candidates;
  }

  public double[] weights() {
    return weights.clone();
  }

  public CollaborativeBlend note(String key, String value) {
    notes.put(key, value);
    return this;
  }

  @Override
  public String layer() {
    return LAYER;
  }

  @Override
  public Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      m.put("weight_" + layers.get(i).layer(), Double.toString(weights[i]));
    }
    m.put("rank_constant", Double.toString(C));
    m.put("candidates", Integer.toString(candidates));
    m.putAll(notes);
    return m;
  }

  @Override
  public Dataset<Row> recommend(Dataset<Row> users, int k, Dataset<Row> exclude) {
    return recommendWithLayers(users, k, exclude).drop("layer");
  }

  /** As {@link #recommend}, with the column {@code layer}: the layer that contributed most. */
  public Dataset<Row> recommendWithLayers(Dataset<Row> users, int k, Dataset<Row> exclude) {
    List<Dataset<Row>> recs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (CollaborativeModel m : layers) {
      recs.add(m.recommend(users, Math.max(k, candidates), exclude));
      names.add(m.layer());
    }
    return blend(recs, names, weights, k);
  }

  /** Blends per-layer recommendation frames (user_id, item_id, rank) with the weights. */
  public static Dataset<Row> blend(
      List<Dataset<Row>> recs, List<String> names, double[] weights, int k) {
    Dataset<Row> all = null;
    for (int i = 0; i < recs.size(); i++) {
      if (weights[i] <= 0) {
        continue;
      }
      Dataset<Row> part =
          recs.get(i)
              .select(
                  col("user_id"),
                  col("item_id"),
                  lit(weights[i]).divide(col("rank").plus(C)).as("part"),
                  lit(names.get(i)).as("layer"));
      all = all == null ? part : all.unionByName(part);
    }
    if (all == null) {
      throw new IllegalArgumentException("a blend needs a layer with a positive weight");
    }
    return all.groupBy("user_id", "item_id")
        .agg(sum("part").as("score"), max_by(col("layer"), col("part")).as("layer"))
        .withColumn(
            "rank",
            row_number()
                .over(Window.partitionBy("user_id").orderBy(col("score").desc(), col("item_id"))))
        .where(col("rank").leq(k))
        .select("user_id", "item_id", "score", "rank", "layer");
  }

  /**
   * Weights on a grid over the simplex (steps of {@code step}) picked by nDCG@k of {@code
   * validation}, the layers fitted on {@code train}. Each layer recommends once; the grid reuses
   * its cached lists.
   */
  public static CollaborativeBlend tune(
      List<CollaborativeModel> layers,
      Dataset<Row> train,
      Dataset<Row> validation,
      int k,
      boolean excludeSeen,
      int candidates,
      double step) {
    Dataset<Row> seen = train.select("user_id", "item_id").distinct();
    Dataset<Row> relevant = RankingEvaluation.relevant(seen, validation, excludeSeen);
    relevant = relevant.cache();
    Dataset<Row> users = relevant.select("user_id").distinct().cache();
    long catalog = seen.select("item_id").distinct().count();
    List<Dataset<Row>> recs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (CollaborativeModel m : layers) {
      recs.add(m.recommend(users, Math.max(k, candidates), excludeSeen ? seen : null).cache());
      names.add(m.layer());
    }
    double[] best = null;
    double bestNdcg = -1;
    for (double[] w : simplex(layers.size(), step)) {
      double ndcg =
          RankingEvaluation.evaluate(blend(recs, names, w, k), relevant, k, catalog).ndcg();
      if (ndcg > bestNdcg) {
        bestNdcg = ndcg;
        best = w;
      }
    }
    recs.forEach(Dataset::unpersist);
    relevant.unpersist();
    users.unpersist();
    return new CollaborativeBlend(layers, best, candidates)
        .note("validation_ndcg_at_" + k, Double.toString(bestNdcg));
  }

  /** Weight vectors with components in multiples of step summing to 1. */
  static List<double[]> simplex(int n, double step) {
    int units = (int) Math.round(1 / step);
    List<double[]> out = new ArrayList<>();
    fill(new int[n], 0, units, out, units);
    return out;
  }

  private static void fill(int[] parts, int i, int left, List<double[]> out, int units) {
    if (i == parts.length - 1) {
      parts[i] = left;
      double[] w = new double[parts.length];
      for (int j = 0; j < w.length; j++) {
        w[j] = parts[j] / (double) units;
      }
      out.add(w);
      return;
    }
    for (int p = left; p >= 0; p--) {
      parts[i] = p;
      fill(parts, i + 1, left - p, out, units);
    }
  }
}
