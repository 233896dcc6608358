package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.countDistinct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The baseline: items ranked by how many distinct users interacted with them (ties by item id), the
 * same list for everyone minus what the user may not get. Every requested user gets a list, known
 * or not: popularity needs no history.
 */
public final class Popularity implements CollaborativeModel {
  public static final String LAYER = "popular";

  private static final StructType OUT =
      new StructType()
          .add("user_id", DataTypes.StringType, false)
          .add("item_id", DataTypes.StringType, false)
          .add("score", DataTypes.DoubleType, false)
          .add("rank", DataTypes.IntegerType, false);

  private final String[] items;
  private final double[] counts;

  private Popularity(String[] items, double[] counts) {
    this.items = items;
    this.counts = counts;
  }

  public static Popularity fit(Dataset<Row> interactions) {
    List<Row> rows =
        interactions
            .groupBy("item_id")
            .agg(countDistinct("user_id").as("users"))
            .orderBy(col("users").desc(), col("item_id"))
            .collectAsList();
    String[] items = new String[rows.size()];
    double[] counts = new double[rows.size()];
    for (int i = 0; i < items.length; i++) {
      items[i] = rows.get(i).getString(0);
      counts[i] = rows.get(i).getLong(1);
    }
    return new Popularity(items, counts);
  }

  @Override
  public String layer() {
    return LAYER;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("measure", "distinct_users", "items", Integer.toString(items.length));
  }

  @Override
  public Dataset<Row> recommend(Dataset<Row> users, int k, Dataset<Row> exclude) {
    Dataset<Row> u = users.select("user_id").distinct();
    Dataset<Row> withEx =
        exclude == null
            ? u.withColumn("ex", org.apache.spark.sql.functions.lit(null).cast("array<string>"))
            : u.join(
                exclude.groupBy("user_id").agg(collect_set("item_id").as("ex")), "user_id", "left");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(users.sparkSession().sparkContext());
    Broadcast<String[]> bItems = jsc.broadcast(items);
    Broadcast<double[]> bCounts = jsc.broadcast(counts);
    var rows =
        withEx
            .javaRDD()
            .flatMap(
                r -> {
                  Set<String> ex = r.isNullAt(1) ? Set.of() : new HashSet<>(r.<String>getList(1));
                  String[] it = bItems.value();
                  double[] c = bCounts.value();
                  List<Row> out = new ArrayList<>(k);
                  for (int i = 0; i < it.length && out.size() < k; i++) {
                    if (!ex.contains(it[i])) {
                      out.add(RowFactory.create(r.getString(0), it[i], c[i], out.size() + 1));
                    }
                  }
                  return out.iterator();
                });
    return users.sparkSession().createDataFrame(rows, OUT);
  }
}
