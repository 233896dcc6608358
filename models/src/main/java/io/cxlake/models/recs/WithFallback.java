package io.cxlake.models.recs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A model whose users without recommendations (no training history: the collaborative layers know
 * nothing of them) get the fallback's list instead, as the pipeline's blender gives them the
 * popular list. Users the model covers keep its list untouched.
 */
public final class WithFallback implements CollaborativeModel {
  private final CollaborativeModel model;
  private final CollaborativeModel fallback;

  public WithFallback(CollaborativeModel model, CollaborativeModel fallback) {
    this.model = model;
    this.fallback = fallback;
  }

  @Override
  public String layer() {
    return model.layer();
  }

  @Override
  public Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>(model.params());
    m.put("fallback", fallback.layer());
    return m;
  }

  @Override
  public Dataset<Row> recommend(Dataset<Row> users, int k, Dataset<Row> exclude) {
    Dataset<Row> recs =
        model.recommend(users, k, exclude).select("user_id", "item_id", "score", "rank");
    Dataset<Row> uncovered = users.select("user_id").distinct().join(recs, "user_id", "left_anti");
    return recs.unionByName(
        fallback.recommend(uncovered, k, exclude).select("user_id", "item_id", "score", "rank"));
  }
}
