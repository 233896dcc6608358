package io.cxlake.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cxlake.lake.config.CxConfig.FeatureSettings;
import org.apache.spark.sql.Column;

/** Implicit-feedback weights of the event kinds that say something about an item. */
public record Weights(double view, double cart, double purchase) {
  public static final String VIEW = "product_view";
  public static final String CART = "add_to_cart";
  public static final String PURCHASE = "purchase";

  public static Weights of(FeatureSettings s) {
    return new Weights(s.viewWeight(), s.cartWeight(), s.purchaseWeight());
  }

  /** An event's weight; 0 for kinds that carry no item preference (search, page views...). */
  public Column of(Column eventType) {
    return when(eventType.equalTo(VIEW), lit(view))
        .when(eventType.equalTo(CART), lit(cart))
        .when(eventType.equalTo(PURCHASE), lit(purchase))
        .otherwise(lit(0.0));
  }

  /** 1 when the event is of the kind, else 0: for counting with sum. */
  public static Column is(String kind) {
    return when(col("event_type").equalTo(kind), lit(1L)).otherwise(lit(0L));
  }

  /** Events of the weighted kinds with an item. */
  public static Column weighted() {
    return col("item_id").isNotNull().and(col("event_type").isin(VIEW, CART, PURCHASE));
  }
}
