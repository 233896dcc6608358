package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cxlake.lake.config.CxConfig;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Per user, the top K merged from the layers. Each layer's score is first put on the user's scale
 * (n = score / the user's best score in that layer, in (0, 1]); an item then scores Σ over the
 * layers proposing it of w(layer) × ln(1 + n / {@link #FLOOR}), the log of a weighted product of
 * (floor + n) terms: an item must do well in several layers at once (the user's taste from content
 * AND popularity) to rank first, where a plain sum lets one layer's flat scores swamp the others.
 * The popular list of the user's region is one more layer, so every list fills up; the item's layer
 * is the one that contributed most. Items not eligible (out of stock, forbidden) and, when given,
 * items the user bought are left out. A user who may not be personalised gets exactly the first K
 * of their region's popular list ({@code default}'s when the region has none): a fallback, never an
 * error.
 */
public final class Blender {
  /** A layer that does not propose an item counts as this share of the user's best in it. */
  public static final double FLOOR = 0.1;

  private Blender() {}

  /**
   * Columns {@code user_id, rank, item_id, score, layer} for every user of {@code users} ({@code
   * user_id, region, personalise}) that some list covers. {@code popular}: {@code region, rank,
   * item_id, score} of eligible items; {@code exclude}: {@code user_id, item_id}, or null.
   */
  public static Dataset<Row> blend(
      List<Candidates> layers,
      Map<String, Double> weights,
      Dataset<Row> popular,
      Dataset<Row> users,
      Dataset<Row> eligible,
      Dataset<Row> exclude,
      int k,
      int popularPool) {
    Dataset<Row> listed = withListRegion(users, popular);
    Dataset<Row> fallback =
        listed
            .where(col("personalise").unary_$bang())
            .select("user_id", "list_region")
            .join(
                popular
                    .where(col("rank").leq(k))
                    .select(
                        col("region").as("list_region"), col("rank"), col("item_id"), col("score")),
                "list_region")
            .select(
                col("user_id"),
                col("rank"),
                col("item_id"),
                col("score"),
                lit(Candidates.POPULAR).as("layer"));
    List<Candidates> used = new java.util.ArrayList<>();
    for (Candidates c : layers) {
      if (weights.getOrDefault(c.layer(), 0.0) > 0) {
        used.add(c);
      }
    }
    boolean withPopular = weights.getOrDefault(Candidates.POPULAR, 0.0) > 0;
    if (used.isEmpty() && !withPopular) {
      return fallback;
    }
    Column w = lit(0.0);
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      w = when(col("layer").equalTo(e.getKey()), lit(e.getValue())).otherwise(w);
    }
    Dataset<Row> contributions =
        evidence(used, withPopular, popular, listed, eligible, exclude, popularPool)
            .withColumn("c", w.multiply(col("x")))
            .where(col("c").gt(0));
    Dataset<Row> merged =
        contributions
            .groupBy("user_id", "item_id")
            .agg(sum("c").as("score"), max_by(col("layer"), col("c")).as("layer"));
    return TopN.of(merged, "user_id", "item_id", k)
        .select("user_id", "rank", "item_id", "score", "layer")
        .unionByName(fallback);
  }

  /**
   * What each layer says about each candidate of each personalised user, before weighting: {@code
   * user_id, item_id, layer, x} with x = ln(1 + n / FLOOR), after the eligibility and bought
   * filters. The blend is Σ w(layer) × x; the weight tuner searches over w with these.
   */
  public static Dataset<Row> evidence(
      List<Candidates> layers,
      Dataset<Row> popular,
      Dataset<Row> users,
      Dataset<Row> eligible,
      Dataset<Row> exclude,
      int popularPool) {
    return evidence(
        layers, true, popular, withListRegion(users, popular), eligible, exclude, popularPool);
  }

  private static Dataset<Row> evidence(
      List<Candidates> layers,
      boolean withPopular,
      Dataset<Row> popular,
      Dataset<Row> listed,
      Dataset<Row> eligible,
      Dataset<Row> exclude,
      int popularPool) {
    Dataset<Row> personal = listed.where(col("personalise"));
    Dataset<Row> out = null;
    for (Candidates c : layers) {
      Dataset<Row> rows =
          c.rows()
              .join(personal.select("user_id"), "user_id", "left_semi")
              .join(eligible, "item_id", "left_semi");
      out = union(out, normalised(rows, c.layer()));
    }
    if (withPopular) {
      Dataset<Row> pop =
          personal
              .select("user_id", "list_region")
              .join(
                  popular
                      .where(col("rank").leq(popularPool))
                      .select(col("region").as("list_region"), col("item_id"), col("score")),
                  "list_region")
              .select("user_id", "item_id", "score");
      out = union(out, normalised(pop, Candidates.POPULAR));
    }
    if (exclude != null) {
      out =
          out.join(
              exclude.select("user_id", "item_id"),
              new String[] {"user_id", "item_id"},
              "left_anti");
    }
    return out;
  }

  /** Each user's region, or {@code default} when the popular table has no list for it. */
  private static Dataset<Row> withListRegion(Dataset<Row> users, Dataset<Row> popular) {
    Dataset<Row> regions = popular.select(col("region").as("_listed")).distinct();
    return users
        .join(regions, col("region").equalTo(col("_listed")), "left")
        .withColumn(
            "list_region",
            when(col("_listed").isNotNull(), col("_listed"))
                .otherwise(lit(CxConfig.DEFAULT_REGION)))
        .drop("_listed");
  }

  private static Dataset<Row> normalised(Dataset<Row> rows, String layer) {
    return rows.withColumn(
            "x",
            log1p(
                col("score")
                    .divide(max("score").over(Window.partitionBy("user_id")))
                    .divide(FLOOR)))
        .where(col("x").gt(0))
        .select(col("user_id"), col("item_id"), lit(layer).as("layer"), col("x"));
  }

  private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
    return a == null ? b : a.unionByName(b);
  }
}
