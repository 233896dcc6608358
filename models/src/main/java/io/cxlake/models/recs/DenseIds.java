package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * String ids mapped to dense ints 0..n-1 (ALS and the factor matrices need ints), in id order so a
 * tie between two items broken by index is a tie broken by item id.
 */
public final class DenseIds {
  private DenseIds() {}

  /** Columns {@code idCol} (string) and {@code ixCol} (int) for the distinct ids of the frame. */
  public static Dataset<Row> of(Dataset<Row> frame, String idCol, String ixCol) {
    Dataset<Row> distinct =
        frame.select(col(idCol).cast("string")).where(col(idCol).isNotNull()).distinct();
    JavaRDD<Row> rows =
        distinct
            .orderBy(idCol)
            .javaRDD()
            .zipWithIndex()
            .map(
                t -> {
                  if (t._2() > Integer.MAX_VALUE) {
                    throw new IllegalStateException("more than 2^31 distinct " + idCol);
                  }
                  return RowFactory.create(t._1().getString(0), (int) (long) t._2());
                });
    StructType schema =
        new StructType()
            .add(idCol, DataTypes.StringType, false)
            .add(ixCol, DataTypes.IntegerType, false);
    return frame.sparkSession().createDataFrame(rows, schema);
  }
}
