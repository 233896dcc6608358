package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.lake.config.CxConfig.RecsSettings;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the recommenders are fitted on as of a date, every frame point-in-time: {@code interactions}
 * ({@code user_id, item_id, strength, purchases, last_ts}) of the users who may be personalised;
 * {@code covisitation} ({@code item_id, other_item_id, sessions, view_then_buy}); the catalog
 * {@code items} ({@code item_id, title, description, category, brand, in_stock}); and every user to
 * recommend for, {@code users} ({@code user_id, region, personalise}): a user who may not be
 * personalised, or is unknown to the consent records, gets the region's popular list.
 */
public record RecsInputs(
    Dataset<Row> interactions,
    Dataset<Row> covisitation,
    Dataset<Row> items,
    Dataset<Row> users,
    LocalDate asOf) {

  /** The items that may be recommended: in stock, and neither their category nor they forbidden. */
  public Dataset<Row> eligibleItems(RecsSettings s) {
    Column ok = col("in_stock");
    if (!s.forbiddenCategories().isEmpty()) {
      ok = ok.and(col("category").isin(s.forbiddenCategories().toArray()).unary_$bang());
    }
    if (!s.forbiddenItems().isEmpty()) {
      ok = ok.and(col("item_id").isin(s.forbiddenItems().toArray()).unary_$bang());
    }
    return items.where(ok.and(col("item_id").isNotNull())).select("item_id").distinct();
  }

  /** What each user already bought (columns user_id, item_id); null when bought items may recur. */
  public Dataset<Row> bought(RecsSettings s) {
    return s.excludeBought()
        ? interactions.where(col("purchases").gt(lit(0))).select("user_id", "item_id")
        : null;
  }
}
