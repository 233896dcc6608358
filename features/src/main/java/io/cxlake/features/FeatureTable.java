package io.cxlake.features;

import static io.cxlake.lake.table.TableDef.BOOLEAN;
import static io.cxlake.lake.table.TableDef.DATE;
import static io.cxlake.lake.table.TableDef.DOUBLE;
import static io.cxlake.lake.table.TableDef.INT;
import static io.cxlake.lake.table.TableDef.LONG;
import static io.cxlake.lake.table.TableDef.STRING;
import static io.cxlake.lake.table.TableDef.TIMESTAMP;
import static io.cxlake.lake.table.TableDef.opt;
import static io.cxlake.lake.table.TableDef.req;

import io.cxlake.lake.table.TableSpec;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The feature store's tables. A snapshot {@code as_of} A uses only rows visible before A: a row is
 * visible from the day after the later of its event date and its ingest date, so a late row never
 * changes a snapshot built before it arrived.
 */
public enum FeatureTable implements TableSpec.Holder {
  USER_FEATURES(
      TableSpec.of(
          "user_features",
          "Per user and as_of date: RFM, return rate, sessions, category affinity, region and current"
              + " consent. Counts are cumulative over every row visible before as_of.",
          "as_of",
          List.of("as_of", "user_id"),
          req("as_of", DATE),
          req("user_id", STRING),
          opt("region", STRING),
          req("consent_personalisation", BOOLEAN),
          req("consent_marketing", BOOLEAN),
          req("consent_profiling", BOOLEAN),
          opt("first_seen", DATE),
          opt("last_seen", DATE),
          opt("days_since_first_seen", INT),
          req("views", LONG),
          req("carts", LONG),
          req("purchases", LONG),
          req("sessions", LONG),
          req("orders", LONG),
          req("revenue", Money.TYPE),
          opt("aov", DOUBLE),
          opt("last_order_date", DATE),
          opt("recency_days", INT),
          req("items_bought", LONG),
          req("items_returned", LONG),
          opt("return_rate", DOUBLE),
          opt("last_return_date", DATE),
          req("category_weights", DataTypes.createMapType(STRING, DOUBLE)),
          req("category_affinity", DataTypes.createMapType(STRING, DOUBLE)))),
  ITEM_FEATURES(
      TableSpec.of(
          "item_features",
          "Per item and as_of date: views, carts and purchases over 7, 30 and 90 days, view-to-purchase"
              + " conversion, return rate, price band (quintile within the category), category.",
          "as_of",
          List.of("as_of", "item_id"),
          req("as_of", DATE),
          req("item_id", STRING),
          req("category", STRING),
          req("list_price", DOUBLE),
          req("price_band", INT),
          req("in_stock", BOOLEAN),
          req("views_7d", LONG),
          req("views_30d", LONG),
          req("views_90d", LONG),
          req("carts_7d", LONG),
          req("carts_30d", LONG),
          req("carts_90d", LONG),
          req("purchases_7d", LONG),
          req("purchases_30d", LONG),
          req("purchases_90d", LONG),
          opt("conversion_30d", DOUBLE),
          req("units_sold_90d", LONG),
          req("units_returned_90d", LONG),
          opt("return_rate_90d", DOUBLE))),
  INTERACTIONS(
      TableSpec.of(
          "interactions",
          "Per user × item and as_of date: implicit confidence, the sum of event weights (view < cart"
              + " < purchase) each halved every half-life day of age. The newest snapshots are kept.",
          "as_of",
          List.of("as_of", "user_id", "item_id"),
          req("as_of", DATE),
          req("user_id", STRING),
          req("item_id", STRING),
          req("strength", DOUBLE),
          req("views", LONG),
          req("carts", LONG),
          req("purchases", LONG),
          req("last_ts", TIMESTAMP))),
  COVISITATION(
      TableSpec.of(
          "covisitation",
          "Per item and as_of date: the items seen in the same sessions over the window, strongest"
              + " first, top N; view_then_buy counts sessions where the item was viewed and the other"
              + " bought after.",
          "as_of",
          List.of("as_of", "item_id", "other_item_id"),
          req("as_of", DATE),
          req("item_id", STRING),
          req("rank", INT),
          req("other_item_id", STRING),
          req("sessions", LONG),
          req("view_then_buy", LONG))),
  ORDER_LINE_FEATURES(
      TableSpec.of(
          "order_line_features",
          "Per order line, what is known when it is ordered: price, discount depth, category and size"
              + " sensitivity, variants of the same item in the order, basket size, channel, device.",
          "order_date",
          List.of("order_id", "line_no"),
          req("order_id", STRING),
          req("line_no", INT),
          req("user_id", STRING),
          req("item_id", STRING),
          req("ordered_at", TIMESTAMP),
          req("quantity", INT),
          req("unit_price", DOUBLE),
          req("list_price", DOUBLE),
          req("discount_depth", DOUBLE),
          opt("category", STRING),
          opt("size_sensitive", BOOLEAN),
          req("variants_in_order", INT),
          req("basket_lines", INT),
          req("basket_units", INT),
          opt("channel", STRING),
          opt("device", STRING),
          req("order_date", DATE))),
  ITEM_DAILY(
      TableSpec.of(
          "item_daily",
          "Internal: per item and visible day, the counts item_features sums over its windows.",
          "day",
          List.of("day", "item_id"),
          req("day", DATE),
          req("item_id", STRING),
          req("views", LONG),
          req("carts", LONG),
          req("purchases", LONG),
          req("units_sold", LONG),
          req("units_returned", LONG))),
  COVISITATION_DAILY(
      TableSpec.of(
          "covisitation_daily",
          "Internal: per item pair and visible day, the session counts covisitation sums over its"
              + " window.",
          "day",
          List.of("day", "item_id", "other_item_id"),
          req("day", DATE),
          req("item_id", STRING),
          req("other_item_id", STRING),
          req("sessions", LONG),
          req("view_then_buy", LONG)));

  private final TableSpec spec;

  FeatureTable(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }

  /** Money sums are exact decimals, so summing in any order gives the same cents. */
  static final class Money {
    static final DataType TYPE = DataTypes.createDecimalType(18, 2);

    private Money() {}
  }
}
