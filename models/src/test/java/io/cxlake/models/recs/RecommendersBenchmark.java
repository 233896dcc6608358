package io.cxlake.models.recs;

import dev.ludovic.netlib.blas.BLAS;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.spark.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The recommenders benchmark (not part of {@code mvn verify}: surefire runs only *Test classes; see
 * benchmarks/recommenders.md):
 *
 * <pre>
 * mvn -B -q test -pl models -am -Dtest=RecommendersBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.users=100000 -Dbench.items=20000
 * </pre>
 *
 * <p>Generated implicit data with planted tastes (each user in one of {@code bench.groups} taste
 * groups buys mostly its group's items, Zipf-popular within the group), a random-by-user 80/20
 * split; ALS fitted once; then top 10 for every user by the blockwise path and by Spark's {@code
 * recommendForAllUsers}, in the same run, both forced to completion, and the nDCG@10 of both on the
 * held-out items. Add {@code -Dtest.jvm.flags=...--add-modules=jdk.incubator.vector} to compare the
 * BLAS implementations.
 */
class RecommendersBenchmark {
  @Test
  void run() {
    int users = Integer.getInteger("bench.users", 100_000);
    int items = Integer.getInteger("bench.items", 20_000);
    int groups = Integer.getInteger("bench.groups", 50);
    int rank = Integer.getInteger("bench.rank", 32);
    int k = 10;
    SparkSession spark =
        SparkSessions.create(
            new CxConfig.SparkSettings(
                "local[2]",
                "recommenders-benchmark",
                Map.of("spark.sql.shuffle.partitions", "8", "spark.ui.enabled", "false")));
    System.out.println("BLAS: " + BLAS.getInstance().getClass().getName());
    Dataset<Row> all = generate(spark, users, items, groups, 42).cache();
    Splits.Split s = Splits.stratified(all, "user_id", 0.8, 42);
    Dataset<Row> train = HoldoutEvaluation.aggregate(s.train()).cache();
    Dataset<Row> test = s.test().select("user_id", "item_id").distinct().cache();
    System.out.printf(
        Locale.ROOT,
        "data: %,d users, %,d items, %,d train pairs, %,d test pairs%n",
        users,
        items,
        train.count(),
        test.count());

    long t0 = System.nanoTime();
    Als als = Als.fit(train, new AlsParams(rank, 0.05, 10, 10, 5, 42));
    als.factors(true).count();
    double fit = secs(t0);

    Dataset<Row> userIds = train.select("user_id").distinct().cache();
    userIds.count();
    Dataset<Row> blockRecs = als.recommend(userIds, k, null).cache();
    double blockwise = force(blockRecs);
    Dataset<Row> sparkRecs = als.recommendForAllUsersSpark(k).cache();
    double spark4 = force(sparkRecs);
    Dataset<Row> exRecs = als.recommend(userIds, k, train).cache();
    double blockwiseEx = force(exRecs);

    long catalog = items;
    Dataset<Row> relevant = RankingEvaluation.relevant(train, test, true).cache();
    double ndcgBlock = RankingEvaluation.evaluate(blockRecs, test, k, catalog).ndcg();
    double ndcgSpark = RankingEvaluation.evaluate(sparkRecs, test, k, catalog).ndcg();
    double ndcgEx = RankingEvaluation.evaluate(exRecs, relevant, k, catalog).ndcg();
    double ndcgPop =
        RankingEvaluation.evaluate(
                Popularity.fit(train).recommend(userIds, k, train), relevant, k, catalog)
            .ndcg();
    long same = blockRecs.join(sparkRecs, new String[] {"user_id", "item_id", "rank"}).count();

    System.out.printf(Locale.ROOT, "ALS fit (rank %d, 10 iterations): %.1f s%n", rank, fit);
    System.out.println("| top-10 for all users | seconds | nDCG@10 |");
    System.out.println("|---|---|---|");
    System.out.printf(
        Locale.ROOT, "| blockwise (no exclusion) | %.1f | %.4f |%n", blockwise, ndcgBlock);
    System.out.printf(
        Locale.ROOT, "| Spark recommendForAllUsers | %.1f | %.4f |%n", spark4, ndcgSpark);
    System.out.printf(
        Locale.ROOT,
        "| blockwise, seen items excluded | %.1f | %.4f (new items only) |%n",
        blockwiseEx,
        ndcgEx);
    System.out.printf(
        Locale.ROOT, "| popularity, seen excluded | | %.4f (new items only) |%n", ndcgPop);
    System.out.printf(Locale.ROOT, "time ratio Spark / blockwise: %.2f%n", spark4 / blockwise);
    System.out.printf(
        Locale.ROOT,
        "same (user, item, rank) in both top-10 lists: %,d of %,d%n",
        same,
        blockRecs.count());
  }

  /** Seconds to compute and cache every row. */
  private static double force(Dataset<Row> recs) {
    long t = System.nanoTime();
    recs.count();
    return secs(t);
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Users in taste groups; 80% of choices from the group's items, Zipf-popular within it. */
  static Dataset<Row> generate(SparkSession spark, int users, int items, int groups, long seed) {
    int perGroup = items / groups;
    var rdd =
        spark
            .range(users)
            .javaRDD()
            .flatMap(
                uid -> {
                  Random rnd = new Random(seed * 1_000_003L + uid);
                  int g = (int) (uid % groups);
                  int n = 8 + rnd.nextInt(25);
                  List<Row> out = new ArrayList<>(n);
                  for (int c = 0; c < n; c++) {
                    int item;
                    if (rnd.nextDouble() < 0.8) {
                      item = g + groups * zipf(rnd, perGroup);
                    } else {
                      item = zipf(rnd, items);
                    }
                    out.add(RowFactory.create("u" + uid, "i" + item, 1.0));
                  }
                  return out.iterator();
                });
    return spark.createDataFrame(rdd, TinyShop.SCHEMA);
  }

  /** An index in [0, n) with P(i) ∝ 1/(i+1)^0.8, by inverse transform of the continuous law. */
  private static int zipf(Random rnd, int n) {
    double a = 0.8;
    double u = rnd.nextDouble();
    double max = Math.pow(n + 1, 1 - a) - 1;
    int i = (int) Math.floor(Math.pow(1 + u * max, 1 / (1 - a))) - 1;
    return Math.min(Math.max(i, 0), n - 1);
  }
}
