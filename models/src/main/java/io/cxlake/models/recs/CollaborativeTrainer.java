package io.cxlake.models.recs;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits one collaborative layer (ALS, item-item) on implicit feedback ({@code user_id, item_id,
 * strength}); the pipeline fits each configured one on the holdout's training side and again on
 * everything for scoring.
 */
public interface CollaborativeTrainer {
  /** The layer name of the models it fits. */
  String layer();

  CollaborativeModel fit(Dataset<Row> interactions);

  /** The hyper-parameters it fits with, for the model registry. */
  Map<String, String> params();
}
