package io.cxlake.models.recs;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Top k per user of an item-item model, on the executors: the weights are broadcast once; each
 * user's history rows are summed into a score vector, excluded items dropped, a bounded heap kept.
 */
final class ItemScoring {
  static final StructType SCHEMA =
      new StructType()
          .add("user_id", DataTypes.StringType, false)
          .add("iix", DataTypes.IntegerType, false)
          .add("score", DataTypes.DoubleType, false)
          .add("rank", DataTypes.IntegerType, false);

  private ItemScoring() {}

  /**
   * @param users rows (user_id string, history array&lt;int&gt;, excluded array&lt;int&gt; or null)
   * @return rows (user_id, iix, score, rank)
   */
  static Dataset<Row> topK(Dataset<Row> users, ItemWeights weights, int k) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(users.sparkSession().sparkContext());
    Broadcast<ItemWeights> bw = jsc.broadcast(weights);
    var out =
        users
            .javaRDD()
            .mapPartitions(
                rows -> {
                  ItemWeights w = bw.value();
                  int n = w.items();
                  float[] acc = new float[n];
                  boolean[] touched = new boolean[n];
                  int[] list = new int[n];
                  int[] count = new int[1];
                  int kk = Math.min(k, n);
                  TopK heap = new TopK(kk);
                  int[] topItems = new int[kk];
                  float[] topScores = new float[kk];
                  List<Row> result = new ArrayList<>();
                  while (rows.hasNext()) {
                    Row r = rows.next();
                    count[0] = 0;
                    for (Object i : r.getList(1)) {
                      w.addRow((Integer) i, acc, touched, list, count);
                    }
                    if (!r.isNullAt(2)) {
                      for (Object e : r.getList(2)) {
                        int j = (Integer) e;
                        if (touched[j]) {
                          acc[j] = Float.NEGATIVE_INFINITY;
                        }
                      }
                    }
                    heap.clear();
                    for (int t = 0; t < count[0]; t++) {
                      int j = list[t];
                      if (acc[j] != Float.NEGATIVE_INFINITY) {
                        heap.offer(acc[j], j);
                      }
                      acc[j] = 0;
                      touched[j] = false;
                    }
                    int m = heap.drain(topItems, topScores);
                    for (int t = 0; t < m; t++) {
                      result.add(
                          RowFactory.create(
                              r.getString(0), topItems[t], (double) topScores[t], t + 1));
                    }
                  }
                  return result.iterator();
                });
    return users.sparkSession().createDataFrame(out, SCHEMA);
  }
}
