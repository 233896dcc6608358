package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxlake.lake.testing.SparkExtension;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class RankingEvaluationTest {
  private static final StructType RECS =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("score", DataTypes.DoubleType);
  private static final StructType PAIRS =
      new StructType().add("user_id", DataTypes.StringType).add("item_id", DataTypes.StringType);

  @Test
  void averagesPerUserMetricsOverHeldOutUsers(SparkSession spark) {
    Dataset<Row> recs =
        spark.createDataFrame(
            List.of(
                // u1: a, then b and c tie (b first by id)
                RowFactory.create("u1", "a", 3.0),
                RowFactory.create("u1", "c", 1.0),
                RowFactory.create("u1", "b", 1.0),
                RowFactory.create("u2", "d", 5.0),
                RowFactory.create("u2", "a", 4.0),
                // u9 has no held-out item: not counted
                RowFactory.create("u9", "e", 1.0)),
            RECS);
    Dataset<Row> heldOut =
        spark.createDataFrame(
            List.of(
                RowFactory.create("u1", "c"),
                RowFactory.create("u1", "z"),
                RowFactory.create("u2", "d"),
                // u3 got no recommendation: counts 0
                RowFactory.create("u3", "a")),
            PAIRS);
    RankingEvaluation.Result r = RankingEvaluation.evaluate(recs, heldOut, 2, 10);

    RankingMetrics.Scores u1 = RankingMetrics.of(List.of("a", "b"), Set.of("c", "z"), 2);
    RankingMetrics.Scores u2 = RankingMetrics.of(List.of("d", "a"), Set.of("d"), 2);
    assertThat(r.users()).isEqualTo(3);
    assertThat(r.precision()).isCloseTo((u1.precision() + u2.precision()) / 3, within(1e-12));
    assertThat(r.recall()).isCloseTo((u1.recall() + u2.recall()) / 3, within(1e-12));
    assertThat(r.ndcg()).isCloseTo((u1.ndcg() + u2.ndcg()) / 3, within(1e-12));
    assertThat(r.map()).isCloseTo((u1.map() + u2.map()) / 3, within(1e-12));
    assertThat(u2.ndcg()).isEqualTo(1.0);
    // top-2 items over all users: a, b, d, e
    assertThat(r.coverage()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void seenPairsAreRemovedWhenTrainAndHeldOutShareASource(SparkSession spark) {
    Dataset<Row> all =
        spark.createDataFrame(
            List.of(
                RowFactory.create("u1", "a"),
                RowFactory.create("u1", "b"),
                RowFactory.create("u2", "a"),
                RowFactory.create("u2", "c")),
            PAIRS);
    Dataset<Row> train = all.where("item_id = 'a'");
    Dataset<Row> heldOut = all.where("item_id <> 'b'");
    assertThat(RankingEvaluation.relevant(train, heldOut, true).collectAsList())
        .containsExactly(RowFactory.create("u2", "c"));
    assertThat(RankingEvaluation.relevant(train, heldOut, false).count()).isEqualTo(3);
  }
}
