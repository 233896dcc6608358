package io.cxlake.models.score;

import static org.apache.spark.sql.types.DataTypes.createArrayType;

import io.cxlake.lake.table.TableDef;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The score tables a nightly run writes for run-date D and {@code publish} copies to the serving
 * store. Each is partitioned by {@code run_date}, so a rerun replaces one day's scores whole.
 */
public enum ScoreTable implements TableDef {
  RECOMMENDATIONS(
      "recommendations",
      "Top items per user for run_date: rank 1 is best; layer is the recommender that proposed it"
          + " (als, item_knn, content, session, popular).",
      List.of("run_date", "user_id", "rank"),
      TableDef.req("user_id", STRING),
      TableDef.req("rank", INT),
      TableDef.req("item_id", STRING),
      TableDef.req("score", DOUBLE),
      TableDef.req("layer", STRING),
      TableDef.req("run_date", DATE)),
  POPULAR(
      "popular",
      "The popular list per region for run_date: what users without consent or history are shown.",
      List.of("run_date", "region", "rank"),
      TableDef.req("region", STRING),
      TableDef.req("rank", INT),
      TableDef.req("item_id", STRING),
      TableDef.req("score", DOUBLE),
      TableDef.req("run_date", DATE)),
  SIMILAR_ITEMS(
      "similar_items",
      "Items most similar to each item for run_date, rank 1 most similar.",
      List.of("run_date", "item_id", "rank"),
      TableDef.req("item_id", STRING),
      TableDef.req("rank", INT),
      TableDef.req("similar_item_id", STRING),
      TableDef.req("score", DOUBLE),
      TableDef.req("run_date", DATE)),
  RETURN_RISK(
      "return_risk",
      "Return probability per open order line for run_date, its band (low, medium, high) and the"
          + " reason codes that pushed it up.",
      List.of("run_date", "order_id", "line_no"),
      TableDef.req("order_id", STRING),
      TableDef.req("line_no", INT),
      TableDef.req("probability", DOUBLE),
      TableDef.req("band", STRING),
      TableDef.req("reasons", createArrayType(STRING, false)),
      TableDef.req("run_date", DATE)),
  MODEL_VERSIONS(
      "model_versions",
      "The model version behind each published score for run_date (model: als, item_knn,"
          + " return_risk, ...).",
      List.of("run_date", "model"),
      TableDef.req("model", STRING),
      TableDef.req("version", STRING),
      TableDef.req("run_date", DATE));

  private final String shortName;
  private final String doc;
  private final List<String> keys;
  private final StructType schema;

  ScoreTable(String shortName, String doc, List<String> keys, StructField... fields) {
    this.shortName = shortName;
    this.doc = doc;
    this.keys = keys;
    this.schema = new StructType(fields);
  }

  @Override
  public String shortName() {
    return shortName;
  }

  @Override
  public String doc() {
    return doc;
  }

  @Override
  public Optional<String> partitionColumn() {
    return Optional.of("run_date");
  }

  @Override
  public List<String> keys() {
    return keys;
  }

  @Override
  public StructType schema() {
    return schema;
  }
}
