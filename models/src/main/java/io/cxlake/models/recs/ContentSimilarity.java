package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Item-item similarity from the catalog alone, so a new item has neighbours before anyone has
 * touched it: TF-IDF over the title and description words plus a category and a brand token (each
 * twice, as they say more than one word of text), L2-normalised, cosine top N per item. Pairs are
 * found through shared terms (an inverted index joined with itself), never items × items.
 */
public final class ContentSimilarity {
  private static final StructType TERMS =
      new StructType()
          .add("item_id", DataTypes.StringType, false)
          .add("term", DataTypes.IntegerType, false)
          .add("w", DataTypes.DoubleType, false);

  private ContentSimilarity() {}

  /**
   * Columns {@code item_id, similar_item_id, score} (cosine in (0, 1]) and {@code rank} (1 = most
   * similar), at most {@code topN} per item, from {@code items} ({@code item_id, title,
   * description, category, brand}).
   */
  public static Dataset<Row> of(Dataset<Row> items, int topN, int features) {
    Dataset<Row> text =
        items.select(
            col("item_id"),
            lower(
                    concat_ws(
                        " ",
                        coalesce(col("title"), lit("")),
                        coalesce(col("description"), lit(""))))
                .as("text"),
            token("cat_", col("category")).as("cat"),
            token("brand_", col("brand")).as("brand"));
    List<PipelineStage> stages = new ArrayList<>();
    stages.add(
        new RegexTokenizer()
            .setInputCol("text")
            .setOutputCol("words")
            .setPattern("[^\\p{L}\\p{N}]+")
            .setMinTokenLength(2));
    stages.add(new StopWordsRemover().setInputCol("words").setOutputCol("kept"));
    Dataset<Row> withTokens = text;
    Pipeline words = new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
    withTokens = words.fit(withTokens).transform(withTokens);
    withTokens =
        withTokens.withColumn(
            "tokens",
            concat(col("kept"), array(col("cat"), col("cat"), col("brand"), col("brand"))));
    HashingTF tf =
        new HashingTF().setInputCol("tokens").setOutputCol("tf").setNumFeatures(features);
    Dataset<Row> counted = tf.transform(withTokens);
    Dataset<Row> weighted =
        new IDF().setInputCol("tf").setOutputCol("tfidf").fit(counted).transform(counted);
    Dataset<Row> unit =
        new Normalizer()
            .setInputCol("tfidf")
            .setOutputCol("v")
            .setP(2.0)
            .transform(weighted)
            .select("item_id", "v");
    Dataset<Row> terms =
        unit.flatMap((FlatMapFunction<Row, Row>) ContentSimilarity::terms, Encoders.row(TERMS));
    Dataset<Row> a = terms.as("a");
    Dataset<Row> b =
        terms.select(col("item_id").as("similar_item_id"), col("term"), col("w").as("w2"));
    Dataset<Row> pairs =
        a.join(b, "term")
            .where(col("item_id").notEqual(col("similar_item_id")))
            .groupBy("item_id", "similar_item_id")
            .agg(sum(col("w").multiply(col("w2"))).as("score"));
    return TopN.of(pairs, "item_id", "similar_item_id", topN)
        .select("item_id", "similar_item_id", "score", "rank");
  }

  private static org.apache.spark.sql.Column token(String prefix, org.apache.spark.sql.Column c) {
    return concat(lit(prefix), regexp_replace(lower(coalesce(c, lit("none"))), "\\s+", "_"));
  }

  private static java.util.Iterator<Row> terms(Row r) {
    Vector v = r.getAs("v");
    SparseVector s = v.toSparse();
    String id = r.getString(0);
    List<Row> out = new ArrayList<>(s.indices().length);
    for (int i = 0; i < s.indices().length; i++) {
      if (s.values()[i] != 0) {
        out.add(RowFactory.create(id, s.indices()[i], s.values()[i]));
      }
    }
    return out.iterator();
  }
}
