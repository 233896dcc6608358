package io.cxlake.models.recs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Planted tastes: users u0..u(n-1) belong to group g = i % groups and buy mostly items of their
 * group (items i0..i(m-1), group = j % groups), sometimes a popular item of another group.
 */
final class TinyShop {
  static final StructType SCHEMA =
      new StructType()
          .add("user_id", DataTypes.StringType, false)
          .add("item_id", DataTypes.StringType, false)
          .add("strength", DataTypes.DoubleType, false);

  final List<Row> train = new ArrayList<>();
  final List<Row> test = new ArrayList<>();
  final int groups;

  TinyShop(int users, int items, int groups, double pTaste, long seed) {
    this.groups = groups;
    Random rnd = new Random(seed);
    for (int u = 0; u < users; u++) {
      List<Row> mine = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        boolean own = i % groups == u % groups;
        double p = own ? pTaste : (i < groups * 2 ? 0.3 : 0.02);
        if (rnd.nextDouble() < p) {
          mine.add(RowFactory.create("u" + u, "i" + i, 1.0 + rnd.nextInt(3)));
        }
      }
      for (int j = 0; j < mine.size(); j++) {
        (j % 4 == 3 ? test : train).add(mine.get(j));
      }
    }
  }

  static int group(String id) {
    return Integer.parseInt(id.substring(1));
  }

  Dataset<Row> train(SparkSession spark) {
    return spark.createDataFrame(train, SCHEMA);
  }

  Dataset<Row> test(SparkSession spark) {
    return spark.createDataFrame(test, SCHEMA);
  }
}
