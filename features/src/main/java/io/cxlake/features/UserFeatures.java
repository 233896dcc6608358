package io.cxlake.features;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * User features. Every count is a sum, every date a min or max, so the state as of A+1 is the state
 * as of A combined with day A's rows: the nightly run reads one day, not the history. The raw
 * columns are kept in the table; the derived ones are recomputed from them for each snapshot.
 */
public final class UserFeatures {
  static final List<String> COUNTS =
      List.of(
          "views", "carts", "purchases", "sessions", "orders", "items_bought", "items_returned");
  static final String WEIGHTS = "category_weights";
  private static final Column NO_WEIGHTS = expr("cast(map() as map<string,double>)");

  private UserFeatures() {}

  /** The raw state of the given rows: one row per user with counts, dates, category weights. */
  public static Dataset<Row> state(Inputs in, Weights w) {
    Dataset<Row> sessions =
        in.events()
            .groupBy("user_id", "session_id", Visibility.DAY)
            .agg(
                min("event_date").as("first_seen"),
                max("event_date").as("last_seen"),
                sum(Weights.is(Weights.VIEW)).as("views"),
                sum(Weights.is(Weights.CART)).as("carts"),
                sum(Weights.is(Weights.PURCHASE)).as("purchases"),
                lit(1L).as("sessions"))
            .drop("session_id", Visibility.DAY);
    Dataset<Row> orders =
        in.orders()
            .select(
                col("user_id"),
                lit(1L).as("orders"),
                col("total_amount").cast(FeatureTable.Money.TYPE).as("revenue"),
                col("order_date").as("last_order_date"));
    Dataset<Row> bought =
        in.orderLines().select(col("user_id"), col("quantity").cast("long").as("items_bought"));
    Dataset<Row> returned =
        in.returns()
            .select(
                col("user_id"),
                col("quantity").cast("long").as("items_returned"),
                col("return_date").as("last_return_date"));
    Dataset<Row> scalars =
        sessions.unionByName(orders, true).unionByName(bought, true).unionByName(returned, true);
    Dataset<Row> categories =
        in.events()
            .where(Weights.weighted())
            .join(in.items().select("item_id", "category"), "item_id")
            .select(col("user_id"), col("category"), w.of(col("event_type")).as("weight"));
    return reduce(scalars, categories);
  }

  /** Two states combined: the state of the union of their rows. */
  public static Dataset<Row> combine(Dataset<Row> a, Dataset<Row> b) {
    Dataset<Row> scalars = a.drop(WEIGHTS).unionByName(b.drop(WEIGHTS), true);
    Dataset<Row> categories = entries(a).unionByName(entries(b));
    return reduce(scalars, categories);
  }

  /** The raw state columns of a stored snapshot. */
  public static Dataset<Row> rawOf(Dataset<Row> snapshot) {
    List<Column> cols = new ArrayList<>();
    for (String c :
        List.of(
            "user_id",
            "first_seen",
            "last_seen",
            "revenue",
            "last_order_date",
            "last_return_date",
            WEIGHTS)) {
      cols.add(col(c));
    }
    COUNTS.forEach(c -> cols.add(col(c)));
    return snapshot.select(cols.toArray(Column[]::new));
  }

  /**
   * The snapshot as of A: every customer signed up before A and every user with activity, with the
   * derived features. Region and consent are the customer's current ones: a withdrawal applies to
   * every snapshot built after it.
   */
  public static Dataset<Row> snapshot(Dataset<Row> state, Dataset<Row> customers, LocalDate asOf) {
    Column a = lit(asOf);
    Dataset<Row> known =
        customers
            .where(col("signup_date").isNull().or(col("signup_date").lt(a)))
            .select(
                col("user_id").as("_cu"),
                col("region"),
                col("consent_personalisation"),
                col("consent_marketing"),
                col("consent_profiling"));
    Dataset<Row> s = state.join(known, col("user_id").equalTo(col("_cu")), "full");
    List<Column> out = new ArrayList<>();
    out.add(a.as("as_of"));
    out.add(coalesce(col("user_id"), col("_cu")).as("user_id"));
    out.add(col("region"));
    for (String c : List.of("consent_personalisation", "consent_marketing", "consent_profiling")) {
      out.add(coalesce(col(c), lit(false)).as(c));
    }
    out.add(col("first_seen"));
    out.add(col("last_seen"));
    out.add(datediff(a, col("first_seen")).as("days_since_first_seen"));
    COUNTS.forEach(c -> out.add(coalesce(col(c), lit(0L)).as(c)));
    out.add(coalesce(col("revenue"), lit(0).cast(FeatureTable.Money.TYPE)).as("revenue"));
    out.add(
        when(col("orders").gt(0), col("revenue").cast("double").divide(col("orders"))).as("aov"));
    out.add(col("last_order_date"));
    out.add(datediff(a, col("last_order_date")).as("recency_days"));
    out.add(
        when(
                col("items_bought").gt(0),
                col("items_returned").cast("double").divide(col("items_bought")))
            .as("return_rate"));
    out.add(col("last_return_date"));
    out.add(coalesce(col(WEIGHTS), NO_WEIGHTS).as(WEIGHTS));
    out.add(
        expr("transform_values(coalesce(category_weights, map()), (k, v) -> v /"
                + " aggregate(map_values(category_weights), 0D, (x, y) -> x + y))")
            .cast("map<string,double>")
            .as("category_affinity"));
    return s.select(out.toArray(Column[]::new));
  }

  private static Dataset<Row> entries(Dataset<Row> state) {
    return state
        .select(col("user_id"), explode(col(WEIGHTS)).as(new String[] {"category", "weight"}))
        .select("user_id", "category", "weight");
  }

  private static Dataset<Row> reduce(Dataset<Row> scalars, Dataset<Row> categories) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(min("first_seen").as("first_seen"));
    aggs.add(max("last_seen").as("last_seen"));
    COUNTS.forEach(c -> aggs.add(coalesce(sum(c), lit(0L)).as(c)));
    aggs.add(coalesce(sum("revenue"), lit(0)).cast(FeatureTable.Money.TYPE).as("revenue"));
    aggs.add(max("last_order_date").as("last_order_date"));
    aggs.add(max("last_return_date").as("last_return_date"));
    Dataset<Row> s =
        scalars
            .groupBy("user_id")
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    Dataset<Row> weights =
        categories
            .groupBy("user_id", "category")
            .agg(sum("weight").as("weight"))
            .groupBy("user_id")
            .agg(
                map_from_entries(array_sort(collect_list(struct(col("category"), col("weight")))))
                    .as(WEIGHTS))
            .withColumnRenamed("user_id", "_wu");
    return s.join(weights, col("user_id").equalTo(col("_wu")), "full")
        .select(
            coalesce(col("user_id"), col("_wu")).as("user_id"),
            col("first_seen"),
            col("last_seen"),
            col("revenue"),
            col("last_order_date"),
            col("last_return_date"),
            coalesce(col(WEIGHTS), NO_WEIGHTS).as(WEIGHTS),
            col("views"),
            col("carts"),
            col("purchases"),
            col("sessions"),
            col("orders"),
            col("items_bought"),
            col("items_returned"));
  }
}
