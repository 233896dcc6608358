package io.cxlake.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.cxlake.features.FeatureTable;
import io.cxlake.lake.table.Lake;
import io.cxlake.models.recs.Als;
import io.cxlake.models.recs.AlsParams;
import io.cxlake.models.recs.RankingEvaluation;
import io.cxlake.models.recs.Splits;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Top-10 for every user from one ALS model, two ways, in the same run: the pipeline's blockwise
 * top-K and Spark's default {@code recommendForAllUsers}; each forced to completion, and each
 * list's nDCG@10 on a random 20% of every user's interactions held out from the fit.
 */
final class TopKRace {
  private static final int K = 10;
  static final String GROUP = "recommend-all";
  static final String BLOCKWISE = "blockwise top-10";
  static final String SPARK = "Spark recommendForAllUsers";

  private TopKRace() {}

  static void run(Lake lake, Stopwatch w, int repeats) throws Exception {
    Dataset<Row> interactions = lake.read(FeatureTable.INTERACTIONS);
    Object asOf = interactions.agg(max("as_of")).first().get(0);
    Dataset<Row> latest =
        interactions.where(col("as_of").equalTo(asOf)).select("user_id", "item_id", "strength");
    Splits.Split s = Splits.stratified(latest, "user_id", 0.8, 42);
    Dataset<Row> train = s.train().cache();
    Dataset<Row> test = s.test().select("user_id", "item_id").cache();
    long catalog = train.select("item_id").distinct().count();
    Dataset<Row> users = train.select("user_id").distinct().cache();
    long nUsers = users.count();
    Als[] fitted = new Als[1];
    w.once(
        GROUP,
        "ALS fit (rank " + AlsParams.DEFAULT.rank() + ")",
        () -> {
          fitted[0] = Als.fit(train, AlsParams.DEFAULT);
          return train.count();
        });
    Als als = fitted[0];
    Measure block = w.repeat(GROUP, BLOCKWISE, repeats, () -> force(als.recommend(users, K, null)));
    Measure spark = w.repeat(GROUP, SPARK, repeats, () -> force(als.recommendForAllUsersSpark(K)));
    // Quality, untimed: the same lists once more.
    w.annotate(block, ndcg(als.recommend(users, K, null), test, catalog));
    w.annotate(spark, ndcg(als.recommendForAllUsersSpark(K), test, catalog));
    train.unpersist();
    test.unpersist();
    users.unpersist();
  }

  /** Computes and caches every user's list (a plain count might skip the ranking); its rows. */
  private static long force(Dataset<Row> recs) {
    Dataset<Row> r = recs.cache();
    long n = r.count();
    r.unpersist();
    return n;
  }

  private static String ndcg(Dataset<Row> recs, Dataset<Row> test, long catalog) {
    return String.format(
        Locale.ROOT, "nDCG@10 %.4f", RankingEvaluation.evaluate(recs, test, K, catalog).ndcg());
  }
}
