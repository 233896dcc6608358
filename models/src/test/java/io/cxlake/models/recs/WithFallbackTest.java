package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.testing.SparkExtension;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class WithFallbackTest {
  private static final StructType PAIRS =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("strength", DataTypes.DoubleType);

  /** Knows only u1: recommends it item z, whatever is asked. */
  private static final class KnowsU1 implements CollaborativeModel {
    @Override
    public String layer() {
      return "knows_u1";
    }

    @Override
    public Map<String, String> params() {
      return Map.of();
    }

    @Override
    public Dataset<Row> recommend(Dataset<Row> users, int k, Dataset<Row> exclude) {
      return users
          .where("user_id = 'u1'")
          .selectExpr("user_id", "'z' AS item_id", "1.0 AS score", "1 AS rank");
    }
  }

  @Test
  void usersTheModelDoesNotKnowGetThePopularListWithoutWhatTheyMayNotGet(SparkSession spark) {
    // a is the most popular (3 users), then b (2), then c (1)
    Dataset<Row> train =
        spark.createDataFrame(
            List.of(
                RowFactory.create("u1", "a", 1.0),
                RowFactory.create("u3", "a", 1.0),
                RowFactory.create("u4", "a", 1.0),
                RowFactory.create("u3", "b", 1.0),
                RowFactory.create("u4", "b", 1.0),
                RowFactory.create("u4", "c", 1.0)),
            PAIRS);
    WithFallback m = new WithFallback(new KnowsU1(), Popularity.fit(train));
    Dataset<Row> users =
        spark
            .createDataFrame(
                List.of(
                    RowFactory.create("u1", "x", 0.0),
                    RowFactory.create("u2", "x", 0.0),
                    RowFactory.create("u3", "x", 0.0)),
                PAIRS)
            .select("user_id");
    List<String> out =
        m
            .recommend(users, 2, train.select("user_id", "item_id"))
            .orderBy("user_id", "rank")
            .collectAsList()
            .stream()
            .map(r -> r.getAs("user_id") + ":" + r.getAs("item_id") + "@" + r.getAs("rank"))
            .toList();
    // u1 keeps the model's list; u2 (no history) gets a, b; u3 gets c, having had a and b
    assertThat(out).containsExactly("u1:z@1", "u2:a@1", "u2:b@2", "u3:c@1");
    assertThat(m.layer()).isEqualTo("knows_u1");
    assertThat(m.params()).containsEntry("fallback", Popularity.LAYER);
  }
}
