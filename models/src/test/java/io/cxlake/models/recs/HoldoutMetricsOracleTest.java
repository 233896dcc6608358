package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.cxlake.lake.testing.SparkExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Spark holdout metrics against the plain-Java RankingMetrics, user by user, on random lists.
 */
@ExtendWith(SparkExtension.class)
class HoldoutMetricsOracleTest {
  @Test
  void sparkMeansEqualThePlainJavaMetricsAveraged(SparkSession spark) {
    Random r = new Random(11);
    int k = 5;
    List<Row> recs = new ArrayList<>();
    List<Row> rel = new ArrayList<>();
    List<Row> users = new ArrayList<>();
    double p = 0, rc = 0, n = 0, m = 0;
    int evaluated = 0;
    Set<String> covered = new HashSet<>();
    for (int u = 0; u < 60; u++) {
      String id = "u" + u;
      users.add(RowFactory.create(id, "x"));
      List<String> ranked = new ArrayList<>();
      int len = r.nextInt(8); // 0..7: some users have no list, some fewer than k
      while (ranked.size() < len) {
        String item = "i" + r.nextInt(20);
        if (!ranked.contains(item)) {
          ranked.add(item);
        }
      }
      for (int i = 0; i < ranked.size(); i++) {
        recs.add(RowFactory.create(id, i + 1, ranked.get(i)));
      }
      Set<String> relevant = new HashSet<>();
      int nRel = r.nextInt(4); // 0..3: some users have nothing relevant
      while (relevant.size() < nRel) {
        relevant.add("i" + r.nextInt(20));
      }
      relevant.forEach(i -> rel.add(RowFactory.create(id, i)));
      if (!relevant.isEmpty()) {
        RankingMetrics.Scores s = RankingMetrics.of(ranked, relevant, k);
        p += s.precision();
        rc += s.recall();
        n += s.ndcg();
        m += s.map();
        evaluated++;
        covered.addAll(ranked.subList(0, Math.min(k, ranked.size())));
      }
    }
    StructType recT =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("rank", DataTypes.IntegerType)
            .add("item_id", DataTypes.StringType);
    StructType pairs =
        new StructType().add("user_id", DataTypes.StringType).add("item_id", DataTypes.StringType);
    LayerMetrics got =
        HoldoutMetrics.of(
            "t",
            spark.createDataFrame(recs, recT),
            spark.createDataFrame(rel, pairs),
            spark.createDataFrame(users, pairs),
            k,
            20);
    assertThat(got.users()).isEqualTo(evaluated);
    assertThat(got.precisionAtK()).isCloseTo(p / evaluated, offset(1e-12));
    assertThat(got.recallAtK()).isCloseTo(rc / evaluated, offset(1e-12));
    assertThat(got.ndcgAtK()).isCloseTo(n / evaluated, offset(1e-12));
    assertThat(got.mapAtK()).isCloseTo(m / evaluated, offset(1e-12));
    assertThat(got.coverage()).isCloseTo(covered.size() / 20.0, offset(1e-12));
  }
}
