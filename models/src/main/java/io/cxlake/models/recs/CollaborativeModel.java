package io.cxlake.models.recs;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A recommender fitted on implicit feedback (columns {@code user_id}, {@code item_id}, {@code
 * strength}): ALS, the item-item layer, or the popularity baseline. The blender and the evaluation
 * harness only see this.
 */
public interface CollaborativeModel {
  /** The layer name recorded with each recommendation: {@code als}, {@code item_item}, ... */
  String layer();

  /**
   * The top {@code k} items per user of {@code users} (column {@code user_id}), best first, never
   * an item of {@code exclude} (columns {@code user_id}, {@code item_id}; null for none). Columns
   * {@code user_id}, {@code item_id}, {@code score}, {@code rank} (1 = best). Users the model does
   * not know get no rows.
   */
  Dataset<Row> recommend(Dataset<Row> users, int k, Dataset<Row> exclude);

  /** The hyper-parameters it was fitted with, for the model registry. */
  Map<String, String> params();
}
