package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cxlake.lake.config.CxConfig;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Per user, the top K merged from the layers. A personalised user's item scores w(layer) × (its
 * layer score / the user's best score in that layer), summed over the layers that propose it, the
 * popular list of the user's region being one more layer so every list fills up; the item's layer
 * is the one that contributed most. Items not eligible (out of stock, forbidden) and, when given,
 * items the user bought are left out. A user who may not be personalised gets exactly the first K
 * of their region's popular list ({@code default}'s when the region has none): a fallback, never an
 * error.
 */
public final class Blender {
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
    Dataset<Row> personal = listed.where(col("personalise"));
    Dataset<Row> contributions = null;
    for (Candidates c : layers) {
      double w = weights.getOrDefault(c.layer(), 0.0);
      if (w <= 0) {
        continue;
      }
      Dataset<Row> rows =
          c.rows()
              .join(personal.select("user_id"), "user_id", "left_semi")
              .join(eligible, "item_id", "left_semi");
      contributions = union(contributions, normalised(rows, c.layer(), w));
    }
    double wp = weights.getOrDefault(Candidates.POPULAR, 0.0);
    if (wp > 0) {
      Dataset<Row> pop =
          personal
              .select("user_id", "list_region")
              .join(
                  popular
                      .where(col("rank").leq(popularPool))
                      .select(col("region").as("list_region"), col("item_id"), col("score")),
                  "list_region")
              .select("user_id", "item_id", "score");
      contributions = union(contributions, normalised(pop, Candidates.POPULAR, wp));
    }
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
    if (contributions == null) {
      return fallback;
    }
    if (exclude != null) {
      contributions =
          contributions.join(
              exclude.select("user_id", "item_id"),
              new String[] {"user_id", "item_id"},
              "left_anti");
    }
    Dataset<Row> merged =
        contributions
            .groupBy("user_id", "item_id")
            .agg(sum("c").as("score"), max_by(col("layer"), col("c")).as("layer"));
    return TopN.of(merged, "user_id", "item_id", k)
        .select("user_id", "rank", "item_id", "score", "layer")
        .unionByName(fallback);
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

  private static Dataset<Row> normalised(Dataset<Row> rows, String layer, double w) {
    return rows.withColumn(
            "c",
            lit(w).multiply(col("score")).divide(max("score").over(Window.partitionBy("user_id"))))
        .where(col("c").gt(0))
        .select(col("user_id"), col("item_id"), lit(layer).as("layer"), col("c"));
  }

  private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
    return a == null ? b : a.unionByName(b);
  }
}
