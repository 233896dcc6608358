package io.cxlake.models.recs;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One layer's proposals: {@code user_id, item_id, score} (higher is better; only the order within a
 * user matters, the blender normalises by the user's best score).
 */
public record Candidates(String layer, Dataset<Row> rows) {
  public static final String CONTENT = "content";
  public static final String SESSION = "session";
  public static final String POPULAR = "popular";
}
