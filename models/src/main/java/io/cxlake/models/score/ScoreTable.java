package io.cxlake.models.score;

import static io.cxlake.lake.table.TableDef.req;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import io.cxlake.lake.table.TableSpec;
import java.util.List;

/**
 * The score tables a nightly run writes for run-date D and {@code publish} copies to the serving
 * store. Each is partitioned by {@code run_date}, so a rerun replaces one day's scores whole.
 */
public enum ScoreTable implements TableSpec.Holder {
  RECOMMENDATIONS(
      TableSpec.of(
          "recommendations",
          "Top items per user for run_date: rank 1 is best; layer is the recommender that proposed it"
              + " (als, item_item, content, session, popular); model_version the recs model version"
              + " that served it (model_registry).",
          "run_date",
          List.of("run_date", "user_id", "rank"),
          req("user_id", STRING),
          req("rank", INT),
          req("item_id", STRING),
          req("score", DOUBLE),
          req("layer", STRING),
          req("model_version", STRING),
          req("run_date", DATE))),
  POPULAR(
      TableSpec.of(
          "popular",
          "The popular list per region for run_date: what users without consent or history are shown.",
          "run_date",
          List.of("run_date", "region", "rank"),
          req("region", STRING),
          req("rank", INT),
          req("item_id", STRING),
          req("score", DOUBLE),
          req("run_date", DATE))),
  SIMILAR_ITEMS(
      TableSpec.of(
          "similar_items",
          "Items most similar to each item for run_date, rank 1 most similar.",
          "run_date",
          List.of("run_date", "item_id", "rank"),
          req("item_id", STRING),
          req("rank", INT),
          req("similar_item_id", STRING),
          req("score", DOUBLE),
          req("run_date", DATE))),
  RETURN_RISK(
      TableSpec.of(
          "return_risk",
          "Return probability per open order line for run_date, its band (low, medium, high), the"
              + " reason codes that pushed it up, and the model version that scored it.",
          "run_date",
          List.of("run_date", "order_id", "line_no"),
          req("order_id", STRING),
          req("line_no", INT),
          req("item_id", STRING),
          req("probability", DOUBLE),
          req("band", STRING),
          req("reasons", createArrayType(STRING)),
          req("model_version", STRING),
          req("run_date", DATE))),
  MODEL_VERSIONS(
      TableSpec.of(
          "model_versions",
          "The model version behind each published score for run_date (model: als, item_knn,"
              + " return_risk, ...).",
          "run_date",
          List.of("run_date", "model"),
          req("model", STRING),
          req("version", STRING),
          req("run_date", DATE)));

  private final TableSpec spec;

  ScoreTable(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }
}
