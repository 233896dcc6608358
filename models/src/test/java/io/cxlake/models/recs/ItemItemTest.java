package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cxlake.lake.testing.SparkExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class ItemItemTest {
  // 5 users × 5 items, small enough to invert by hand in the test
  private static final String[][] BASKETS = {
    {"a", "b"}, {"a", "b", "c"}, {"b", "c"}, {"c", "d", "e"}, {"d", "e"}, {"a", "e"}
  };

  private static Dataset<Row> data(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < BASKETS.length; u++) {
      for (String i : BASKETS[u]) {
        rows.add(RowFactory.create("u" + u, i, 1.0));
      }
    }
    return spark.createDataFrame(rows, TinyShop.SCHEMA);
  }

  @Test
  void easeScoresAreTheClosedFormRidgeSolution(SparkSession spark) {
    double lambda = 0.5;
    ItemItem m =
        ItemItem.fit(
            data(spark), ItemItem.Settings.DEFAULT.withVariant(ItemItem.EASE).withLambda(lambda));
    assertThat(m.params()).containsEntry("variant", "ease").containsEntry("items", "5");
    String[] items = {"a", "b", "c", "d", "e"};
    double[][] b = easeOracle(items, lambda);
    Dataset<Row> recs = m.recommend(data(spark).select("user_id"), 5, null);
    Map<String, Double> got = new HashMap<>();
    for (Row r : recs.collectAsList()) {
      got.put(r.getString(0) + r.getString(1), r.getDouble(2));
    }
    for (int u = 0; u < BASKETS.length; u++) {
      for (int j = 0; j < 5; j++) {
        double expected = 0;
        for (String i : BASKETS[u]) {
          expected += b[i.charAt(0) - 'a'][j];
        }
        assertThat(got.get("u" + u + items[j])).isCloseTo(expected, within(1e-5));
      }
    }
  }

  @Test
  void knnNeighboursAreTheTopCosines(SparkSession spark) {
    ItemItem m = ItemItem.fit(data(spark), new ItemItem.Settings(ItemItem.KNN, 5000, 0, 1, 500));
    // u0 has a, b. With one neighbour each: a → b (cos 2/3, vs e 1/3), b → a (2/3; c also 2/3
    // but a comes first by id). So u0 scores: b from a, a from b; after excluding its own items
    // nothing is left.
    Dataset<Row> users = data(spark).where("user_id = 'u0'").select("user_id");
    List<Row> all = m.recommend(users, 5, null).orderBy("rank").collectAsList();
    assertThat(all).extracting(r -> r.getString(1)).containsExactly("a", "b");
    assertThat(all.get(0).getDouble(2)).isCloseTo(2 / Math.sqrt(3 * 3), within(1e-6));
    assertThat(m.recommend(users, 5, data(spark)).count()).isZero();
  }

  @Test
  void choiceIsRecordedAndPlantedTastesBeatPopularity(SparkSession spark) {
    TinyShop shop = new TinyShop(60, 40, 3, 0.6, 3);
    Dataset<Row> train = shop.train(spark);
    Dataset<Row> test = shop.test(spark);
    ItemItem.Choice c =
        ItemItem.choose(train, test, ItemItem.Settings.DEFAULT.withLambda(10), 5, true);
    ItemItem m = ItemItem.fit(train, c.settings()).noteAll(c.notes());
    assertThat(m.params()).containsKeys("validation_ndcg_knn", "validation_ndcg_ease");
    double ease = Double.parseDouble(m.params().get("validation_ndcg_ease"));
    double knn = Double.parseDouble(m.params().get("validation_ndcg_knn"));
    assertThat(m.params().get("variant")).isEqualTo(ease >= knn ? "ease" : "knn");
    double pop = RankingEvaluation.of(Popularity.fit(train), train, test, 5, true).ndcg();
    assertThat(RankingEvaluation.of(m, train, test, 5, true).ndcg()).isGreaterThan(pop * 1.5);

    // over the limit, EASE is not an option
    ItemItem.Settings small = new ItemItem.Settings(null, 10, 10, 20, 500);
    assertThat(ItemItem.fit(train, small).params().get("variant")).isEqualTo("knn");
    assertThatThrownBy(() -> ItemItem.fit(train, small.withVariant(ItemItem.EASE)))
        .hasMessageContaining("EASE needs at most 10 items");
  }

  /** B = I − P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹, by Gauss-Jordan. */
  private static double[][] easeOracle(String[] items, double lambda) {
    int n = items.length;
    double[][] g = new double[n][n];
    for (String[] basket : BASKETS) {
      Set<Integer> idx = new HashSet<>();
      for (String i : basket) {
        idx.add(i.charAt(0) - 'a');
      }
      for (int i : idx) {
        for (int j : idx) {
          g[i][j]++;
        }
      }
    }
    double[][] a = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(g[i], 0, a[i], 0, n);
      a[i][i] += lambda;
      a[i][n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      double piv = a[c][c];
      for (int j = 0; j < 2 * n; j++) {
        a[c][j] /= piv;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = a[r][c];
          for (int j = 0; j < 2 * n; j++) {
            a[r][j] -= f * a[c][j];
          }
        }
      }
    }
    double[][] b = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i][j] = i == j ? 0 : -a[i][n + j] / a[j][n + j];
      }
    }
    return b;
  }
}
