package io.cxlake.models.kpi;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The shop-traffic KPIs from events: visitors, sessions, recommendations, time to act. */
final class TrafficKpis {
  static final String IMPRESSION = "rec_impression";
  static final String CLICK = "rec_click";

  /**
   * Passive events; any other event type (search, cart, checkout, purchase, click) is an action.
   */
  static final List<String> PASSIVE = List.of("page_view", "product_view", IMPRESSION);

  private TrafficKpis() {}

  /** visitors, rec_impressions and rec_clicks per key, from the events dated in [from, to]. */
  static Dataset<Row> visits(
      Dataset<Row> events, Dataset<Row> regions, LocalDate from, LocalDate to) {
    return KpiKeys.keyed(
            events.where(KpiKeys.between("event_date", from, to)), "event_date", regions)
        .groupBy(KpiKeys.key())
        .agg(
            countDistinct("user_id").as("visitors"),
            sum(when(col("event_type").equalTo(IMPRESSION), 1L).otherwise(0L))
                .as("rec_impressions"),
            sum(when(col("event_type").equalTo(CLICK), 1L).otherwise(0L)).as("rec_clicks"));
  }

  /**
   * rec_attributed_revenue per key: each purchase event dated in [from, to] of an item the same
   * user clicked in a recommendation earlier in the same session (price × quantity, quantity 1 when
   * missing), counted once however many clicks preceded it, on the purchase's date and channel.
   * Clicks from the day before count, for sessions that cross midnight.
   */
  static Dataset<Row> attributed(
      Dataset<Row> events, Dataset<Row> regions, LocalDate from, LocalDate to) {
    Dataset<Row> purchases =
        events.where(
            KpiKeys.between("event_date", from, to).and(col("event_type").equalTo("purchase")));
    Dataset<Row> clicks =
        events
            .where(
                KpiKeys.between("event_date", from.minusDays(1), to)
                    .and(col("event_type").equalTo(CLICK)))
            .select(
                col("session_id").as("c_session"),
                col("user_id").as("c_user"),
                col("item_id").as("c_item"),
                col("ts").as("c_ts"));
    Column clickedBefore =
        col("session_id")
            .equalTo(col("c_session"))
            .and(col("user_id").equalTo(col("c_user")))
            .and(col("item_id").equalTo(col("c_item")))
            .and(col("c_ts").leq(col("ts")));
    Dataset<Row> bought = purchases.join(clicks, clickedBefore, "left_semi");
    return KpiKeys.keyed(bought, "event_date", regions)
        .groupBy(KpiKeys.key())
        .agg(
            sum(KpiKeys.cents(
                    coalesce(col("price"), lit(0.0)).multiply(coalesce(col("quantity"), lit(1)))))
                .as("rec_attributed_revenue"));
  }

  /**
   * sessions and median_seconds_to_first_action per key. A session belongs to the date, channel and
   * user of its first event (ties broken by event_id) and counts once; its time to act runs from
   * that event to its first action event, and sessions without an action are left out of the
   * median. Events from the day before are read so that a session started then is not counted again
   * on the next day.
   */
  static Dataset<Row> sessions(
      Dataset<Row> events, Dataset<Row> regions, LocalDate from, LocalDate to) {
    Column order = struct(col("ts"), col("event_id"));
    Column isAction = col("event_type").isin(PASSIVE.toArray()).unary_$bang();
    Dataset<Row> perSession =
        events
            .where(KpiKeys.between("event_date", from.minusDays(1), to))
            .groupBy("session_id")
            .agg(
                min("ts").as("started_at"),
                min_by(col("user_id"), order).as("user_id"),
                min_by(col("channel"), order).as("channel"),
                min(when(isAction, col("ts"))).as("first_action_at"))
            .withColumn("started_on", to_date(col("started_at")))
            .where(KpiKeys.between("started_on", from, to))
            .withColumn(
                "seconds_to_first_action",
                expr("(unix_micros(first_action_at) - unix_micros(started_at)) / 1e6"));
    return KpiKeys.keyed(perSession, "started_on", regions)
        .groupBy(KpiKeys.key())
        .agg(
            count(lit(1)).as("sessions"),
            expr("percentile(seconds_to_first_action, 0.5)").as("median_seconds_to_first_action"));
  }
}
