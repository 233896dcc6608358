package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The best {@code n} rows per key by score, with a 1-based {@code rank}; ties by item id. */
final class TopN {
  private TopN() {}

  static Dataset<Row> of(Dataset<Row> rows, String key, String item, int n) {
    return rows.withColumn(
            "rank",
            row_number().over(Window.partitionBy(key).orderBy(col("score").desc(), col(item))))
        .where(col("rank").leq(n));
  }
}
