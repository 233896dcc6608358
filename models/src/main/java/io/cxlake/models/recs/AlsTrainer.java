package io.cxlake.models.recs;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Fits the implicit ALS layer ({@link Als}) with fixed hyper-parameters. */
public final class AlsTrainer implements CollaborativeTrainer {
  private final AlsParams params;

  public AlsTrainer(AlsParams params) {
    this.params = params;
  }

  @Override
  public String layer() {
    return Als.LAYER;
  }

  @Override
  public CollaborativeModel fit(Dataset<Row> interactions) {
    return Als.fit(interactions, params);
  }

  @Override
  public Map<String, String> params() {
    return params.asMap();
  }
}
