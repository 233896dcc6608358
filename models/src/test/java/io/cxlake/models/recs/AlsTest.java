package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.testing.SparkExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class AlsTest {
  private static final AlsParams P = new AlsParams(8, 0.05, 10, 8, 3, 7);

  @Test
  void blockwiseTopKEqualsRankingEveryDotProduct(SparkSession spark) throws Exception {
    TinyShop shop = new TinyShop(60, 40, 3, 0.6, 1);
    Dataset<Row> train = shop.train(spark);
    Als als = Als.fit(train, P);
    assertThat(spark.sparkContext().getCheckpointDir().isDefined()).isTrue();

    Dataset<Row> recs = als.recommend(train.select("user_id"), 5, train).cache();
    // The oracle: every user × item dot product from the factors, ranked in Java.
    Map<String, List<String>> expected = naiveTopK(spark, als, train, 5);
    Map<String, List<String>> got = lists(recs);
    assertThat(got).isEqualTo(expected);
    assertThat(recs.where(col("rank").equalTo(1)).count()).isEqualTo(60);

    // Seen items are never recommended; without exclusion they may be.
    Set<String> seen = pairs(train);
    assertThat(pairs(recs)).doesNotContainAnyElementsOf(seen);
    Set<String> unfiltered = pairs(als.recommend(train.select("user_id"), 5, null));
    assertThat(unfiltered).containsAnyElementsOf(seen);

    // Planted tastes: the held-out items of a user's group are found far above chance.
    RankingEvaluation.Result r = RankingEvaluation.of(als, train, shop.test(spark), 5, true);
    Popularity pop = Popularity.fit(train);
    RankingEvaluation.Result base = RankingEvaluation.of(pop, train, shop.test(spark), 5, true);
    assertThat(r.ndcg()).isGreaterThan(base.ndcg() * 1.5);

    // Save and load give the same recommendations and params; an unknown user gets no rows.
    Path dir = Files.createTempDirectory("als");
    als.note("validation_ndcg_at_10", "0.5").save(dir.toString());
    Als loaded = Als.load(spark, dir.toString());
    assertThat(loaded.params()).isEqualTo(als.params());
    assertThat(lists(loaded.recommend(train.select("user_id"), 5, train))).isEqualTo(got);
    Dataset<Row> nobody =
        spark.createDataFrame(List.of(RowFactory.create("stranger", "i1", 1.0)), TinyShop.SCHEMA);
    assertThat(loaded.recommend(nobody, 5, null).count()).isZero();
  }

  @Test
  void tuningPicksTheBestValidationNdcg(SparkSession spark) {
    TinyShop shop = new TinyShop(40, 30, 2, 0.6, 2);
    AlsTuning.Grid grid =
        new AlsTuning.Grid(new int[] {4}, new double[] {}, new double[] {20}, new int[] {});
    AlsTuning.Outcome o = AlsTuning.tune(shop.train(spark), shop.test(spark), P, grid, 5, true);
    double max = o.trials().stream().mapToDouble(AlsTuning.Trial::ndcg).max().orElseThrow();
    assertThat(o.ndcg()).isEqualTo(max);
    // start, rank 4, then alpha 20 at the better rank
    assertThat(o.trials()).hasSize(3);
    assertThat(o.trials()).anyMatch(t -> t.params().equals(o.best()));
  }

  private static Map<String, List<String>> naiveTopK(
      SparkSession spark, Als als, Dataset<Row> train, int k) {
    Dataset<Row> recs = als.recommend(train.select("user_id"), 1, null);
    Map<String, Set<String>> seen = new HashMap<>();
    for (Row r : train.collectAsList()) {
      seen.computeIfAbsent(r.getString(0), u -> new java.util.HashSet<>()).add(r.getString(1));
    }
    // scores of every pair through the model's own factors (item ids in id order for ties)
    Map<String, float[]> uf = factors(als, true);
    Map<String, float[]> itf = factors(als, false);
    List<String> itemIds = new ArrayList<>(itf.keySet());
    itemIds.sort(null);
    Map<String, List<String>> out = new HashMap<>();
    for (var u : uf.entrySet()) {
      Map<String, Double> s = new HashMap<>();
      for (String i : itemIds) {
        if (seen.get(u.getKey()).contains(i)) {
          continue;
        }
        float dot = 0;
        for (int j = 0; j < u.getValue().length; j++) {
          dot += u.getValue()[j] * itf.get(i)[j];
        }
        s.put(i, (double) dot);
      }
      out.put(u.getKey(), RankingMetrics.rank(s).subList(0, k));
    }
    assertThat(recs.count()).isEqualTo(uf.size());
    return out;
  }

  private static Map<String, float[]> factors(Als als, boolean users) {
    return als.factors(users).collectAsList().stream()
        .collect(
            Collectors.toMap(
                r -> r.getString(0),
                r -> {
                  List<Float> l = r.getList(1);
                  float[] f = new float[l.size()];
                  for (int i = 0; i < f.length; i++) {
                    f[i] = l.get(i);
                  }
                  return f;
                }));
  }

  static Map<String, List<String>> lists(Dataset<Row> recs) {
    Map<String, List<String>> m = new HashMap<>();
    for (Row r : recs.orderBy("user_id", "rank").collectAsList()) {
      m.computeIfAbsent(r.getString(0), u -> new ArrayList<>()).add(r.getString(1));
    }
    return m;
  }

  static Set<String> pairs(Dataset<Row> d) {
    return d.select("user_id", "item_id").collectAsList().stream()
        .map(r -> r.getString(0) + "|" + r.getString(1))
        .collect(Collectors.toSet());
  }
}
