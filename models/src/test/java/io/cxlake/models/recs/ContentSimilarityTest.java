package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.cxlake.lake.testing.SparkExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class ContentSimilarityTest {
  private static final StructType ITEMS =
      new StructType()
          .add("item_id", DataTypes.StringType)
          .add("title", DataTypes.StringType)
          .add("description", DataTypes.StringType)
          .add("category", DataTypes.StringType)
          .add("brand", DataTypes.StringType);

  @Test
  void itemsSharingTextCategoryAndBrandAreNearestAndCosineIsSymmetric(SparkSession spark) {
    List<Row> items =
        List.of(
            RowFactory.create("s1", "Trail running shoe", "A light running shoe", "shoes", "Kite"),
            RowFactory.create("s2", "Road running shoe", "A soft running shoe", "shoes", "Kite"),
            RowFactory.create("b1", "Cookbook", "Recipes for the family", "books", "Orbit"),
            RowFactory.create("b2", "Travel guide", "Maps and recipes", "books", null));
    Map<String, Double> score = new HashMap<>();
    Map<String, Integer> rank = new HashMap<>();
    for (Row r :
        ContentSimilarity.of(spark.createDataFrame(items, ITEMS), 2, 1 << 14).collectAsList()) {
      String pair = r.getString(0) + ">" + r.getString(1);
      score.put(pair, r.getDouble(2));
      rank.put(pair, r.getInt(3));
    }
    assertThat(rank).containsEntry("s1>s2", 1).containsEntry("s2>s1", 1);
    assertThat(rank).containsEntry("b1>b2", 1);
    assertThat(score.get("s1>s2")).isCloseTo(score.get("s2>s1"), offset(1e-12));
    assertThat(score.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0 + 1e-9));
    // s1 and b1 share no term: never a pair.
    assertThat(score).doesNotContainKey("s1>b1");
    assertThat(rank.keySet().stream().filter(k -> k.startsWith("s1>"))).hasSizeLessThanOrEqualTo(2);
  }
}
