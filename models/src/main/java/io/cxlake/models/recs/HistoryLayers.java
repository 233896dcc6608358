package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The two layers that score items by their neighbours among a user's own items: content (catalog
 * similarity to everything the user interacted with, so new items and users with little history get
 * something) and session (co-visitation with what the user touched in the last days: intent right
 * now). Both join the user's few items with each item's short neighbour list — never users × items.
 */
public final class HistoryLayers {
  /** A user's items that seed the layers: their strongest (content) or newest (session). */
  static final int SEEDS = 20;

  private HistoryLayers() {}

  /**
   * Content candidates: score(u, j) = Σ over u's items i of share(u, i) × cosine(i, j), share being
   * i's part of u's total strength; the best {@code n} per user.
   */
  public static Candidates content(Dataset<Row> interactions, Dataset<Row> similar, int n) {
    Dataset<Row> seeds =
        shares(seeds(interactions, col("strength").desc()))
            .select(col("user_id"), col("item_id"), col("share"));
    Dataset<Row> scored =
        seeds
            .join(similar.select("item_id", "similar_item_id", "score"), "item_id")
            .groupBy("user_id", "similar_item_id")
            .agg(sum(col("share").multiply(col("score"))).as("score"))
            .withColumnRenamed("similar_item_id", "item_id");
    return new Candidates(
        Candidates.CONTENT,
        TopN.of(scored, "user_id", "item_id", n).select("user_id", "item_id", "score"));
  }

  /**
   * Session candidates for users with an interaction in the {@code windowDays} days before {@code
   * asOf}: score(u, j) = Σ over u's recent items i of share(u, i) × the share of i's co-visiting
   * sessions that held j (a view followed by a purchase of j counts once more).
   */
  public static Candidates session(
      Dataset<Row> interactions, Dataset<Row> covisitation, LocalDate asOf, int windowDays, int n) {
    Timestamp since =
        Timestamp.from(asOf.minusDays(windowDays).atStartOfDay().toInstant(ZoneOffset.UTC));
    Dataset<Row> recent =
        shares(seeds(interactions.where(col("last_ts").geq(lit(since))), col("last_ts").desc()));
    Dataset<Row> strength =
        covisitation.withColumn("c", col("sessions").plus(col("view_then_buy")));
    Dataset<Row> normalised =
        strength
            .withColumn("c", col("c").divide(sum("c").over(Window.partitionBy("item_id"))))
            .select("item_id", "other_item_id", "c");
    Dataset<Row> scored =
        recent
            .select("user_id", "item_id", "share")
            .join(normalised, "item_id")
            .groupBy("user_id", "other_item_id")
            .agg(sum(col("share").multiply(col("c"))).as("score"))
            .withColumnRenamed("other_item_id", "item_id");
    return new Candidates(
        Candidates.SESSION,
        TopN.of(scored, "user_id", "item_id", n).select("user_id", "item_id", "score"));
  }

  private static Dataset<Row> seeds(Dataset<Row> interactions, org.apache.spark.sql.Column order) {
    return interactions
        .withColumn(
            "_n", row_number().over(Window.partitionBy("user_id").orderBy(order, col("item_id"))))
        .where(col("_n").leq(SEEDS))
        .drop("_n");
  }

  private static Dataset<Row> shares(Dataset<Row> seeds) {
    return seeds.withColumn(
        "share", col("strength").divide(sum("strength").over(Window.partitionBy("user_id"))));
  }
}
