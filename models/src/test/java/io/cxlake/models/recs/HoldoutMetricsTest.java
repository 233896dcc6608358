package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.cxlake.lake.testing.SparkExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The holdout metrics against values worked out by hand for three users. */
@ExtendWith(SparkExtension.class)
class HoldoutMetricsTest {
  private static final StructType RECS =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("rank", DataTypes.IntegerType)
          .add("item_id", DataTypes.StringType);
  private static final StructType PAIRS =
      new StructType().add("user_id", DataTypes.StringType).add("item_id", DataTypes.StringType);

  @Test
  void matchesHandComputedValues(SparkSession spark) {
    List<Row> recs = new ArrayList<>();
    // u1: hits at ranks 1 and 3 of 3; relevant {a, c, z} (z never recommended).
    recs.add(RowFactory.create("u1", 1, "a"));
    recs.add(RowFactory.create("u1", 2, "b"));
    recs.add(RowFactory.create("u1", 3, "c"));
    recs.add(RowFactory.create("u1", 4, "d")); // beyond k = 3
    // u2: no hit; relevant {a}.
    recs.add(RowFactory.create("u2", 1, "b"));
    // u3: relevant {e} but no list at all: scores 0 and still counts.
    // u4: a list but nothing relevant: not evaluated.
    recs.add(RowFactory.create("u4", 1, "a"));
    List<Row> rel =
        List.of(
            RowFactory.create("u1", "a"),
            RowFactory.create("u1", "c"),
            RowFactory.create("u1", "z"),
            RowFactory.create("u2", "a"),
            RowFactory.create("u3", "e"),
            RowFactory.create("u3", "e"));
    List<Row> users =
        List.of(
            RowFactory.create("u1", "x"),
            RowFactory.create("u2", "x"),
            RowFactory.create("u3", "x"),
            RowFactory.create("u4", "x"));
    Dataset<Row> r = spark.createDataFrame(recs, RECS);
    LayerMetrics m =
        HoldoutMetrics.of(
            "t", r, spark.createDataFrame(rel, PAIRS), spark.createDataFrame(users, PAIRS), 3, 10);
    double log2 = Math.log(2);
    double dcg1 = 1 + 1 / (Math.log(4) / log2);
    double idcg1 = 1 + 1 / (Math.log(3) / log2) + 1 / (Math.log(4) / log2);
    assertThat(m.users()).isEqualTo(3);
    assertThat(m.precisionAtK()).isCloseTo((2.0 / 3) / 3, offset(1e-12));
    assertThat(m.recallAtK()).isCloseTo((2.0 / 3) / 3, offset(1e-12));
    assertThat(m.ndcgAtK()).isCloseTo((dcg1 / idcg1) / 3, offset(1e-12));
    // AP of u1: (1/1 + 2/3) / min(3, 3).
    assertThat(m.mapAtK()).isCloseTo(((1 + 2.0 / 3) / 3) / 3, offset(1e-12));
    // Items recommended within k to evaluated users: a, b, c.
    assertThat(m.coverage()).isCloseTo(0.3, offset(1e-12));

    // Several lists in one pass: each as if alone; a list with no rows scores 0 for every user.
    var both =
        HoldoutMetrics.of(
            new java.util.LinkedHashMap<>(java.util.Map.of("t", r, "none", r.limit(0))),
            spark.createDataFrame(rel, PAIRS),
            spark.createDataFrame(users, PAIRS),
            3,
            10);
    LayerMetrics t = both.stream().filter(x -> x.layer().equals("t")).findFirst().orElseThrow();
    LayerMetrics none =
        both.stream().filter(x -> x.layer().equals("none")).findFirst().orElseThrow();
    assertThat(t).isEqualTo(m);
    assertThat(none.users()).isEqualTo(3);
    assertThat(none.ndcgAtK()).isZero();
    assertThat(none.coverage()).isZero();
  }
}
