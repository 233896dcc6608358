package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.testing.SparkExtension;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class HoldoutEvaluationTest {
  @Test
  void tunedBlendOnATimeSplitBeatsPopularityAndReportsItsLayers(SparkSession spark) {
    TinyShop shop = new TinyShop(80, 40, 4, 0.5, 5);
    // times: a hash of the pair spread over 100 days
    Dataset<Row> rows =
        shop.train(spark)
            .unionByName(shop.test(spark))
            .withColumn(
                "ts",
                expr("timestamp_seconds(1700000000 + pmod(hash(user_id, item_id), 8640000))"));
    AlsTuning.Grid grid =
        new AlsTuning.Grid(new int[] {8}, new double[] {}, new double[] {}, new int[] {});
    HoldoutEvaluation.Options o =
        new HoldoutEvaluation.Options(
            "blend",
            Splits.Spec.parse("time:0.75"),
            42,
            5,
            true,
            true,
            grid,
            ItemItem.Settings.DEFAULT.withLambda(10));
    HoldoutEvaluation.Report r = HoldoutEvaluation.run(rows, o);
    assertThat(r.results()).containsOnlyKeys("model", "popularity", "als", "item_item");
    assertThat(r.results().get("model").ndcg())
        .isGreaterThan(1.2 * r.results().get("popularity").ndcg());
    assertThat(r.params())
        .containsKeys(
            "als.validation_ndcg",
            "item_item.variant",
            "blend.weight_als",
            "blend.validation_ndcg");
    // every test pair is at or after every train pair's time
    Splits.Split s = Splits.split(rows, o.split(), "ts", 42);
    Row bounds = s.train().agg(expr("max(ts)")).first();
    assertThat(s.test().where(col("ts").lt(bounds.getTimestamp(0))).count()).isZero();
  }

  @Test
  void stratifiedSplitKeepsTheShareOfEachUser(SparkSession spark) {
    TinyShop shop = new TinyShop(30, 40, 3, 0.6, 6);
    Dataset<Row> rows = shop.train(spark).unionByName(shop.test(spark));
    Splits.Split s = Splits.split(rows, Splits.Spec.parse("random-by-user:0.75"), null, 42);
    var perUser = rows.groupBy("user_id").count().collectAsList();
    var trainPerUser = s.train().groupBy("user_id").count().collectAsList();
    java.util.Map<String, Long> t = new java.util.HashMap<>();
    trainPerUser.forEach(x -> t.put(x.getString(0), x.getLong(1)));
    for (Row u : perUser) {
      assertThat(t.getOrDefault(u.getString(0), 0L)).isEqualTo(Math.round(u.getLong(1) * 0.75));
    }
    assertThat(s.train().count() + s.test().count()).isEqualTo(rows.count());
  }
}
