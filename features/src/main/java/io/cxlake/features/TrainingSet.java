package io.cxlake.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.governance.Consent;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The only way models read features: labelled examples joined point-in-time, like Feast's
 * point-in-time join. An example at time t gets the newest snapshot with as_of ≤ t's date, which
 * was built from rows visible before that midnight, so from nothing at or after t. Labels come from
 * the window after t and only from rows visible before the training set's own as-of date.
 */
public final class TrainingSet {
  /**
   * The customer's history columns the return-risk examples get: from user_features, and the mix of
   * items the customer had bought before the line's day from order_line_features.
   */
  public static final List<String> CUSTOMER_COLUMNS =
      List.of(
          "customer_orders",
          "customer_items_bought",
          "customer_return_rate",
          "days_since_prev_return",
          "customer_tenure_days",
          "customer_region",
          "customer_past_items",
          "customer_past_size_sensitive_items",
          "customer_past_several_sizes_items");

  /** The customer columns counted from order_line_features, a subset of the above. */
  private static final List<String> MIX_COLUMNS = CUSTOMER_COLUMNS.subList(6, 9);

  private TrainingSet() {}

  /**
   * Each entity row with the columns of the newest feature snapshot of its key dated on or before
   * its time; null columns when there is none. {@code ids} identify an entity row.
   */
  public static Dataset<Row> asOfJoin(
      Dataset<Row> entities, List<String> ids, String key, String time, Dataset<Row> features) {
    Dataset<Row> e =
        entities
            .withColumn("_ids", struct(ids.stream().map(c -> col(c)).toArray(Column[]::new)))
            .withColumn("_date", to_date(col(time)));
    Dataset<Row> dates = features.select(col(key).as("_key"), col("as_of").as("_as_of"));
    Dataset<Row> picked =
        e.select("_ids", key, "_date")
            .join(dates, col(key).equalTo(col("_key")).and(col("_as_of").leq(col("_date"))))
            .groupBy("_ids")
            .agg(max("_as_of").as("_as_of"));
    Dataset<Row> f =
        features.withColumnRenamed(key, "_key").withColumnRenamed("as_of", "features_as_of");
    return e.join(picked, "_ids", "left")
        .join(
            f,
            col(key).equalTo(col("_key")).and(col("_as_of").equalTo(col("features_as_of"))),
            "left")
        .drop("_ids", "_date", "_as_of", "_key");
  }

  /**
   * Return-risk examples for training: order lines ordered before {@code asOf - labelDays} (their
   * label window has closed), labelled 1 when the line came back within {@code labelDays} days, as
   * far as the returns visible before {@code asOf} tell.
   */
  public static Dataset<Row> returnRisk(Lake lake, LocalDate asOf, int labelDays) {
    Dataset<Row> lines =
        lake.read(FeatureTable.ORDER_LINE_FEATURES)
            .where(col("order_date").lt(lit(asOf.minusDays(labelDays))));
    Dataset<Row> returns =
        lake.read(Table.RETURNS)
            .where(greatest(col("ingest_date"), col("return_date")).lt(lit(asOf)))
            .select(col("order_id").as("r_order"), col("line_no").as("r_line"), col("returned_at"));
    Dataset<Row> labelled =
        lines
            .join(
                returns,
                col("order_id")
                    .equalTo(col("r_order"))
                    .and(col("line_no").equalTo(col("r_line")))
                    .and(col("returned_at").geq(col("ordered_at")))
                    .and(
                        col("returned_at")
                            .lt(
                                col("ordered_at")
                                    .plus(expr("make_interval(0,0,0," + labelDays + ")")))),
                "left")
            .groupBy(lines.columns()[0], rest(lines.columns()))
            .agg(max(when(col("r_order").isNotNull(), lit(1)).otherwise(lit(0))).as("label"));
    return withCustomer(lake, labelled);
  }

  /**
   * As {@link #returnRisk(Lake, LocalDate, int)}, only the lines of customers who may be profiled
   * (consent purpose {@code profiling} under their region's policy) as of the end of the day before
   * {@code asOf}: a customer without that consent is in no return-risk training set.
   */
  public static Dataset<Row> returnRisk(
      Lake lake, LocalDate asOf, int labelDays, CxConfig.GovernanceSettings policy) {
    return Consent.keep(
        returnRisk(lake, asOf, labelDays),
        "user_id",
        Consent.allowedUsers(lake, policy, "profiling", asOf.minusDays(1)));
  }

  /**
   * What a personalised recommender trains on: the newest {@code interactions} snapshot dated on or
   * before {@code asOf}, of the users who may be personalised (consent purpose {@code
   * personalisation} under their region's policy) as of the end of the day before {@code asOf}.
   * Users left out get the non-personalised fallback.
   */
  public static Dataset<Row> interactions(
      Lake lake, LocalDate asOf, CxConfig.GovernanceSettings policy) {
    Dataset<Row> all = lake.read(FeatureTable.INTERACTIONS);
    Row newest = all.where(col("as_of").leq(lit(asOf))).agg(max("as_of")).head();
    Dataset<Row> snapshot =
        newest.isNullAt(0) ? all.limit(0) : all.where(col("as_of").equalTo(lit(newest.getDate(0))));
    return Consent.keep(
        snapshot,
        "user_id",
        Consent.allowedUsers(lake, policy, "personalisation", asOf.minusDays(1)));
  }

  /**
   * As {@link #interactions(Lake, LocalDate, CxConfig.GovernanceSettings)}, but computed from the
   * events visible before {@code asOf} rather than read from a stored snapshot: the training side
   * of a time-based holdout, whose cut-off date has usually no snapshot left.
   */
  public static Dataset<Row> interactionsFromEvents(
      Lake lake,
      LocalDate asOf,
      CxConfig.FeatureSettings features,
      int futureToleranceHours,
      CxConfig.GovernanceSettings policy) {
    Dataset<Row> events = new Visibility(lake, futureToleranceHours).before(Table.EVENTS, asOf);
    return Consent.keep(
        Interactions.of(events, Weights.of(features), features.halfLifeDays(), asOf),
        "user_id",
        Consent.allowedUsers(lake, policy, "personalisation", asOf.minusDays(1)));
  }

  /**
   * The user × item pairs with a view, cart or purchase visible on days in [from, until): the
   * relevant items of a time-based holdout's test window. Columns {@code user_id, item_id}.
   */
  public static Dataset<Row> interactedBetween(
      Lake lake, LocalDate from, LocalDate until, int futureToleranceHours) {
    return new Visibility(lake, futureToleranceHours)
        .between(Table.EVENTS, from, until)
        .where(Weights.weighted())
        .select("user_id", "item_id")
        .distinct();
  }

  /**
   * The co-visitation lists as of {@code asOf}: its stored snapshot when there is one, else summed
   * from the daily counts the same way the feature build does. Columns {@code item_id,
   * other_item_id, rank, sessions, view_then_buy}.
   */
  public static Dataset<Row> covisitation(
      Lake lake, LocalDate asOf, CxConfig.FeatureSettings features) {
    if (!lake.exists(FeatureTable.COVISITATION_DAILY)) {
      return lake.spark()
          .createDataFrame(List.of(), FeatureTable.COVISITATION.schema())
          .drop("as_of");
    }
    Dataset<Row> stored =
        lake.exists(FeatureTable.COVISITATION)
            ? lake.read(FeatureTable.COVISITATION).where(col("as_of").equalTo(lit(asOf)))
            : null;
    Dataset<Row> snapshot =
        stored != null && !stored.isEmpty()
            ? stored
            : Covisitation.snapshot(
                lake.read(FeatureTable.COVISITATION_DAILY),
                features.covisitationWindowDays(),
                features.covisitationTopN(),
                asOf);
    return snapshot.drop("as_of");
  }

  /** Return-risk rows to score: lines ordered on or after {@code since}, without a label. */
  public static Dataset<Row> returnRiskToScore(Lake lake, LocalDate since) {
    return withCustomer(
        lake, lake.read(FeatureTable.ORDER_LINE_FEATURES).where(col("order_date").geq(lit(since))));
  }

  private static Dataset<Row> withCustomer(Lake lake, Dataset<Row> lines) {
    Dataset<Row> users =
        lake.read(FeatureTable.USER_FEATURES)
            .select(
                col("user_id"),
                col("as_of"),
                col("orders").as("customer_orders"),
                col("items_bought").as("customer_items_bought"),
                col("return_rate").as("customer_return_rate"),
                col("region").as("customer_region"),
                col("last_return_date").as("_last_return"),
                col("first_seen").as("_first_seen"));
    Dataset<Row> withUser =
        asOfJoin(lines, List.of("order_id", "line_no"), "user_id", "ordered_at", users)
            .withColumn("days_since_prev_return", datediff(col("order_date"), col("_last_return")))
            .withColumn("customer_tenure_days", datediff(col("order_date"), col("_first_seen")))
            .drop("_last_return", "_first_seen")
            .withColumnRenamed("features_as_of", "_user_as_of");
    Dataset<Row> withMix =
        asOfJoin(
                withUser,
                List.of("order_id", "line_no"),
                "user_id",
                "ordered_at",
                itemMix(lake.read(FeatureTable.ORDER_LINE_FEATURES)))
            .drop("features_as_of")
            .withColumnRenamed("_user_as_of", "features_as_of");
    // No earlier line is a known history of 0 items, not an unknown one.
    for (String c : MIX_COLUMNS) {
      withMix = withMix.withColumn(c, coalesce(col(c), lit(0L)));
    }
    return withMix;
  }

  /**
   * What kind of items each customer had bought before each day they ordered on, from every order
   * line (not only the lines asked about): rows {@code user_id, as_of} with the items (units)
   * ordered before as_of (a customer without such a row has 0), those of them size-sensitive, and
   * those on lines with several sizes of the same item in their order. A return-prone customer is
   * one who returns more than their items explain; these say how much their items explain.
   */
  static Dataset<Row> itemMix(Dataset<Row> orderLines) {
    Column units = coalesce(col("quantity").cast("long"), lit(0L));
    Dataset<Row> daily =
        orderLines
            .groupBy("user_id", "order_date")
            .agg(
                sum(units).as("_items"),
                sum(when(col("size_sensitive"), units).otherwise(lit(0L))).as("_sized"),
                sum(when(col("variants_in_order").gt(1), units).otherwise(lit(0L))).as("_several"));
    WindowSpec upToDay =
        Window.partitionBy("user_id")
            .orderBy("order_date")
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    // Through the end of order_date, so as of the next day: a line sees only earlier days.
    return daily.select(
        col("user_id"),
        date_add(col("order_date"), 1).as("as_of"),
        sum("_items").over(upToDay).as("customer_past_items"),
        sum("_sized").over(upToDay).as("customer_past_size_sensitive_items"),
        sum("_several").over(upToDay).as("customer_past_several_sizes_items"));
  }

  private static String[] rest(String[] cols) {
    return Arrays.copyOfRange(cols, 1, cols.length);
  }
}
