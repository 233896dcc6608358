package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxlake.lake.testing.SparkExtension;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class CollaborativeBlendTest {
  private static final StructType RECS =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("rank", DataTypes.IntegerType);

  @Test
  void weightedReciprocalRankWithTheLayerThatContributedMost(SparkSession spark) {
    Dataset<Row> x =
        spark.createDataFrame(
            List.of(RowFactory.create("u", "a", 1), RowFactory.create("u", "b", 2)), RECS);
    Dataset<Row> y =
        spark.createDataFrame(
            List.of(RowFactory.create("u", "b", 1), RowFactory.create("u", "c", 2)), RECS);
    List<Row> out =
        CollaborativeBlend.blend(List.of(x, y), List.of("x", "y"), new double[] {0.25, 0.75}, 3)
            .orderBy("rank")
            .collectAsList();
    double c = CollaborativeBlend.C;
    double a = 0.25 / (1 + c);
    double b = 0.25 / (2 + c) + 0.75 / (1 + c);
    double cc = 0.75 / (2 + c);
    assertThat(out).extracting(r -> r.getString(1)).containsExactly("b", "c", "a");
    assertThat(out.get(0).getDouble(2)).isCloseTo(b, within(1e-12));
    assertThat(out.get(1).getDouble(2)).isCloseTo(cc, within(1e-12));
    assertThat(out.get(2).getDouble(2)).isCloseTo(a, within(1e-12));
    assertThat(out).extracting(r -> r.getString(4)).containsExactly("y", "y", "x");
    // a zero weight drops the layer
    List<Row> only =
        CollaborativeBlend.blend(List.of(x, y), List.of("x", "y"), new double[] {0, 1}, 3)
            .collectAsList();
    assertThat(only).extracting(r -> r.getString(4)).containsOnly("y");
  }

  @Test
  void simplexGrid() {
    List<double[]> g = CollaborativeBlend.simplex(3, 0.25);
    assertThat(g).hasSize(15);
    assertThat(g).allSatisfy(w -> assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-12)));
  }

  @Test
  void tunedBlendIsAtLeastItsBestLayerOnValidation(SparkSession spark) {
    TinyShop shop = new TinyShop(60, 40, 3, 0.5, 4);
    Dataset<Row> train = shop.train(spark);
    Dataset<Row> test = shop.test(spark);
    Als als = Als.fit(train, new AlsParams(8, 0.05, 10, 6, 3, 7));
    ItemItem ii = ItemItem.fit(train, ItemItem.Settings.DEFAULT.withLambda(10));
    CollaborativeBlend blend =
        CollaborativeBlend.tune(List.of(als, ii), train, test, 5, true, 20, 0.25);
    double best =
        Math.max(
            RankingEvaluation.of(als, train, test, 5, true).ndcg(),
            RankingEvaluation.of(ii, train, test, 5, true).ndcg());
    double blended = RankingEvaluation.of(blend, train, test, 5, true).ndcg();
    // the grid holds (1, 0) and (0, 1), whose blends rank exactly as the single layers
    assertThat(blended).isGreaterThanOrEqualTo(best - 1e-9);
    assertThat(blend.params())
        .containsKeys("weight_als", "weight_item_item", "validation_ndcg_at_5");
  }
}
