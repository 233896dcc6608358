package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Matrix factorisation on implicit feedback (Spark MLlib ALS, {@code implicitPrefs}): strengths
 * become confidences 1 + alpha · strength. String ids are mapped to dense ints and the mapping kept
 * with the model. Top k for many users is computed blockwise ({@link BlockwiseTopK}), not by
 * joining users with items.
 */
public final class Als implements CollaborativeModel {
  public static final String LAYER = "als";

  private final ALSModel model;
  private final Dataset<Row> users; // user_id, uix
  private final Dataset<Row> items; // item_id, iix
  private final AlsParams params;
  private final Map<String, String> extra = new LinkedHashMap<>();
  private float[] itemFactors;

  private Als(ALSModel model, Dataset<Row> users, Dataset<Row> items, AlsParams params) {
    this.model = model;
    this.users = users;
    this.items = items;
    this.params = params;
  }

  /** Fits on (user_id, item_id, strength); rows for one pair should already be summed. */
  public static Als fit(Dataset<Row> interactions, AlsParams p) {
    SparkSession spark = interactions.sparkSession();
    Checkpoints.ensure(spark.sparkContext());
    Dataset<Row> users = DenseIds.of(interactions, "user_id", "uix").cache();
    Dataset<Row> items = DenseIds.of(interactions, "item_id", "iix").cache();
    Dataset<Row> data =
        interactions
            .join(users, "user_id")
            .join(items, "item_id")
            .select(col("uix"), col("iix"), col("strength").cast("float").as("strength"));
    ALS als =
        new ALS()
            .setImplicitPrefs(true)
            .setUserCol("uix")
            .setItemCol("iix")
            .setRatingCol("strength")
            .setRank(p.rank())
            .setRegParam(p.regParam())
            .setAlpha(p.alpha())
            .setMaxIter(p.maxIter())
            .setCheckpointInterval(p.checkpointInterval())
            .setSeed(p.seed())
            .setColdStartStrategy("drop");
    return new Als(als.fit(data), users, items, p);
  }

  /** Records an extra fact (e.g. the validation score) with the params. */
  public Als note(String key, String value) {
    extra.put(key, value);
    return this;
  }

  public AlsParams alsParams() {
    return params;
  }

  @Override
  public String layer() {
    return LAYER;
  }

  @Override
  public Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>(params.asMap());
    m.putAll(extra);
    return m;
  }

  /** The distinct items the model knows. */
  public Dataset<Row> items() {
    return items.select("item_id");
  }

  @Override
  public Dataset<Row> recommend(Dataset<Row> forUsers, int k, Dataset<Row> exclude) {
    Dataset<Row> ux = forUsers.select("user_id").distinct().join(users, "user_id");
    Dataset<Row> factors =
        model.userFactors().join(ux, col("id").equalTo(col("uix"))).select("uix", "features");
    if (exclude != null) {
      Dataset<Row> ex =
          exclude
              .select("user_id", "item_id")
              .join(users, "user_id")
              .join(items, "item_id")
              .groupBy("uix")
              .agg(collect_list("iix").as("ex"));
      factors = factors.join(ex, "uix", "left").select("uix", "features", "ex");
    } else {
      factors =
          factors.withColumn("ex", org.apache.spark.sql.functions.lit(null).cast("array<int>"));
    }
    return BlockwiseTopK.of(factors, itemFactors(), params.rank(), k)
        .join(users, "uix")
        .join(items, "iix")
        .select("user_id", "item_id", "score", "rank");
  }

  /** Factors by string id: (user_id or item_id, features array&lt;float&gt;). */
  public Dataset<Row> factors(boolean ofUsers) {
    return ofUsers
        ? model
            .userFactors()
            .join(users, col("id").equalTo(col("uix")))
            .select("user_id", "features")
        : model
            .itemFactors()
            .join(items, col("id").equalTo(col("iix")))
            .select("item_id", "features");
  }

  /**
   * Spark's own {@code recommendForAllUsers} path, for comparison in the benchmark: no exclusion,
   * same columns as {@link #recommend}.
   */
  public Dataset<Row> recommendForAllUsersSpark(int k) {
    return model
        .recommendForAllUsers(k)
        .selectExpr("uix", "posexplode(recommendations) as (pos, rec)")
        .selectExpr(
            "uix", "rec.iix as iix", "cast(rec.rating as double) as score", "pos + 1 as rank")
        .join(users, "uix")
        .join(items, "iix")
        .select("user_id", "item_id", "score", "rank");
  }

  private synchronized float[] itemFactors() {
    if (itemFactors == null) {
      long n = items.count();
      float[] f = new float[(int) n * params.rank()];
      for (Row r : model.itemFactors().collectAsList()) {
        int i = r.getInt(0);
        List<Float> v = r.getList(1);
        for (int j = 0; j < params.rank(); j++) {
          f[i * params.rank() + j] = v.get(j);
        }
      }
      itemFactors = f;
    }
    return itemFactors;
  }

  /** Writes the factors, the id mappings and the params under {@code dir}. */
  public void save(String dir) {
    try {
      model.write().overwrite().save(dir + "/model");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot save the ALS model to " + dir, e);
    }
    users.write().mode("overwrite").parquet(dir + "/users");
    items.write().mode("overwrite").parquet(dir + "/items");
    StructType schema =
        new StructType()
            .add("key", DataTypes.StringType, false)
            .add("value", DataTypes.StringType, true);
    List<Row> rows =
        params().entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
    users
        .sparkSession()
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .mode("overwrite")
        .json(dir + "/params");
  }

  /** Reads what {@link #save} wrote. */
  public static Als load(SparkSession spark, String dir) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Row r : spark.read().json(dir + "/params").collectAsList()) {
      m.put(r.getAs("key"), r.getAs("value"));
    }
    Als als =
        new Als(
            ALSModel.load(dir + "/model"),
            spark.read().parquet(dir + "/users").cache(),
            spark.read().parquet(dir + "/items").cache(),
            AlsParams.fromMap(m));
    m.keySet().removeAll(AlsParams.DEFAULT.asMap().keySet());
    als.extra.putAll(m);
    return als;
  }
}
