package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@link RankingMetrics} averaged over users, from a recommendations frame ({@code user_id}, {@code
 * item_id}, {@code score}, optionally {@code rank}) and a held-out frame ({@code user_id}, {@code
 * item_id}: the relevant items). The users are those of the held-out frame (each has a relevant
 * item); one without recommendations counts 0. Coverage: distinct items in anyone's top k over the
 * catalog size.
 */
public final class RankingEvaluation {
  /** The averages and the number of users they are over. */
  public record Result(
      double precision, double recall, double ndcg, double map, double coverage, long users) {
    /** Keyed as the eval command's JSON and the model registry name them. */
    public Map<String, Double> asMap() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("precision_at_k", precision);
      m.put("recall_at_k", recall);
      m.put("ndcg_at_k", ndcg);
      m.put("map_at_k", map);
      m.put("coverage", coverage);
      return m;
    }
  }

  private RankingEvaluation() {}

  public static Result evaluate(
      Dataset<Row> recommendations, Dataset<Row> heldOut, int k, long catalogSize) {
    Dataset<Row> ranked = withRank(recommendations).where(col("rank").leq(k));
    Dataset<Row> lists =
        ranked
            .groupBy("user_id")
            .agg(sort_array(collect_list(struct(col("rank"), col("item_id")))).as("recs"));
    Dataset<Row> relevant =
        heldOut
            .select("user_id", "item_id")
            .groupBy("user_id")
            .agg(collect_set("item_id").as("rel"));
    double[] sums =
        relevant
            .join(lists, "user_id", "left")
            .select("rel", "recs")
            .javaRDD()
            .map(r -> perUser(r, k))
            .fold(new double[5], RankingEvaluation::add);
    long distinct = ranked.select("item_id").distinct().count();
    long users = (long) sums[4];
    double n = Math.max(users, 1);
    return new Result(
        sums[0] / n,
        sums[1] / n,
        sums[2] / n,
        sums[3] / n,
        RankingMetrics.coverage(distinct, catalogSize),
        users);
  }

  /**
   * A model's recommendations for the held-out users scored against their held-out items. With
   * {@code excludeSeen} the model may not recommend a user's training items, and held-out pairs
   * already in training are not counted as relevant (they could never be hit); without it repeats
   * are allowed and relevant. The catalog is the training items.
   */
  public static Result of(
      CollaborativeModel model,
      Dataset<Row> train,
      Dataset<Row> heldOut,
      int k,
      boolean excludeSeen) {
    Dataset<Row> seen = train.select("user_id", "item_id").distinct();
    Dataset<Row> relevant = RankingEvaluation.relevant(seen, heldOut, excludeSeen);
    relevant = relevant.cache();
    Dataset<Row> recs =
        model.recommend(relevant.select("user_id").distinct(), k, excludeSeen ? seen : null);
    long catalog = seen.select("item_id").distinct().count();
    Result r = evaluate(recs, relevant, k, catalog);
    relevant.unpersist();
    return r;
  }

  /**
   * The distinct held-out pairs, without those in {@code seen} when {@code excludeSeen}. Joined on
   * column names: both frames often come from one source, where column references are ambiguous.
   */
  public static Dataset<Row> relevant(
      Dataset<Row> seen, Dataset<Row> heldOut, boolean excludeSeen) {
    Dataset<Row> relevant = heldOut.select("user_id", "item_id").distinct();
    return excludeSeen
        ? relevant.join(
            seen.select("user_id", "item_id"), new String[] {"user_id", "item_id"}, "left_anti")
        : relevant;
  }

  /** The frame with a {@code rank} column: kept if present, else by score desc, item id asc. */
  static Dataset<Row> withRank(Dataset<Row> recs) {
    if (Arrays.asList(recs.columns()).contains("rank")) {
      return recs;
    }
    return recs.withColumn(
        "rank",
        row_number()
            .over(Window.partitionBy("user_id").orderBy(col("score").desc(), col("item_id"))));
  }

  private static double[] perUser(Row r, int k) {
    List<String> rel = r.getList(0);
    List<String> ranked = new ArrayList<>();
    if (!r.isNullAt(1)) {
      for (Row e : r.<Row>getList(1)) {
        ranked.add(e.getString(1));
      }
    }
    RankingMetrics.Scores s = RankingMetrics.of(ranked, rel, k);
    return s == null
        ? new double[5]
        : new double[] {s.precision(), s.recall(), s.ndcg(), s.map(), 1};
  }

  private static double[] add(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + b[i];
    }
    return c;
  }
}
