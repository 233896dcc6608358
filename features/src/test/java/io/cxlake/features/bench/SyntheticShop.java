package io.cxlake.features.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A large shop written straight into the lake's tables by Spark, for benchmarks: skewed item
 * popularity, two sessions per user-day, 3% of events ingested a day late, an order per purchase
 * event and a return for 15% of lines. Deterministic: every column is a hash of the row number.
 */
public final class SyntheticShop {
  private SyntheticShop() {}

  public static void write(
      Lake lake, LocalDate first, int days, long eventsPerDay, int users, int items) {
    long epoch = first.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    Dataset<Row> ids = lake.spark().range(0, days * eventsPerDay).toDF("n");
    Column day = floor(col("n").divide(eventsPerDay));
    Column kind = pmod(h(4), lit(100));
    Column type =
        when(kind.lt(60), lit("product_view"))
            .when(kind.lt(75), lit("add_to_cart"))
            .when(kind.lt(80), lit("purchase"))
            .when(kind.lt(90), lit("search"))
            .otherwise(lit("page_view"));
    Column skewed = floor(pow(pmod(h(2), lit(1_000_000)).divide(1e6), 2).multiply(items));
    Column eventDate = date_add(lit(first), day.cast("int"));
    Dataset<Row> events =
        ids.select(
                concat(lit("e"), col("n")).as("event_id"),
                concat(lit("u"), pmod(h(1), lit(users))).as("user_id"),
                day.as("d"),
                type.as("event_type"),
                eventDate.as("event_date"),
                timestamp_seconds(
                        lit(epoch).plus(day.multiply(86_400)).plus(pmod(h(5), lit(86_400))))
                    .as("ts"),
                when(pmod(h(6), lit(100)).lt(3), date_add(eventDate, 1))
                    .otherwise(eventDate)
                    .as("ingest_date"),
                skewed.as("item_n"),
                col("n"))
            .select(
                col("event_id"),
                col("user_id"),
                concat(col("user_id"), lit("-"), col("d"), lit("-"), pmod(h(3), lit(2)))
                    .as("session_id"),
                col("event_type"),
                when(col("event_type").isin("search", "page_view"), lit(null))
                    .otherwise(concat(lit("i"), col("item_n")))
                    .as("item_id"),
                col("ts"),
                (lit(5.0).plus(col("item_n").mod(100))).as("price"),
                lit(1).as("quantity"),
                lit(null).cast("string").as("query"),
                lit("web").as("channel"),
                lit(null).cast("string").as("device"),
                lit(null).cast("string").as("automation"),
                lit(null).cast("int").as("position"),
                col("ingest_date"),
                col("event_date"));
    lake.append(Table.EVENTS, events);

    Dataset<Row> purchases = lake.read(Table.EVENTS).where(col("event_type").equalTo("purchase"));
    Column orderId = concat(lit("o"), col("event_id"));
    lake.append(
        Table.ORDERS,
        purchases.select(
            orderId.as("order_id"),
            col("user_id"),
            col("ts").as("ordered_at"),
            col("channel"),
            col("device"),
            lit(1).as("n_lines"),
            col("price").as("total_amount"),
            col("ingest_date"),
            col("event_date").as("order_date")));
    lake.append(
        Table.ORDER_LINES,
        purchases.select(
            orderId.as("order_id"),
            lit(1).as("line_no"),
            col("user_id"),
            col("item_id"),
            lit(null).cast("string").as("variant"),
            lit(1).as("quantity"),
            col("price").as("list_price"),
            col("price").as("unit_price"),
            col("ts").as("ordered_at"),
            col("ingest_date"),
            col("event_date").as("order_date")));
    lake.append(
        Table.RETURNS,
        purchases
            .where(pmod(xxhash64(col("event_id")), lit(100)).lt(15))
            .select(
                concat(lit("r"), col("event_id")).as("return_id"),
                orderId.as("order_id"),
                lit(1).as("line_no"),
                col("item_id"),
                col("user_id"),
                lit(1).as("quantity"),
                col("ts")
                    .plus(org.apache.spark.sql.functions.expr("INTERVAL 3 DAYS"))
                    .as("returned_at"),
                lit("size").as("reason"),
                col("price").as("refund_amount"),
                date_add(col("ingest_date"), 3).as("ingest_date"),
                date_add(col("event_date"), 3).as("return_date")));
    Column ts0 = timestamp_seconds(lit(epoch));
    lake.append(
        Table.ITEMS,
        lake.spark()
            .range(0, items)
            .select(
                concat(lit("i"), col("id")).as("item_id"),
                concat(lit("item "), col("id")).as("title"),
                lit(null).cast("string").as("description"),
                concat(lit("c"), col("id").mod(20)).as("category"),
                lit(null).cast("string").as("brand"),
                lit(5.0).plus(col("id").mod(100)).as("list_price"),
                col("id").mod(3).equalTo(0).as("size_sensitive"),
                lit(true).as("in_stock"),
                ts0.as("updated_at"),
                lit(first).as("ingest_date")));
    lake.append(
        Table.CUSTOMERS,
        lake.spark()
            .range(0, users)
            .select(
                concat(lit("u"), col("id")).as("user_id"),
                lit(null).cast("string").as("email_hash"),
                lit(null).cast("string").as("phone_hash"),
                when(col("id").mod(2).equalTo(0), lit("EU")).otherwise(lit("US")).as("region"),
                lit(null).cast("string").as("country"),
                lit(null).cast("date").as("signup_date"),
                lit(true).as("consent_personalisation"),
                lit(true).as("consent_marketing"),
                lit(true).as("consent_profiling"),
                ts0.as("updated_at"),
                lit(first).as("ingest_date")));
  }

  private static Column h(int salt) {
    return xxhash64(col("n"), lit(salt));
  }
}
