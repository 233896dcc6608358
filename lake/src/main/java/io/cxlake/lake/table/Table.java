package io.cxlake.lake.table;

import static io.cxlake.lake.table.TableDef.opt;
import static io.cxlake.lake.table.TableDef.req;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The lake's tables: short name (used by {@code sql}, the notebooks and the jobs), declared schema,
 * date partition column and key columns. The README's table list is this enum.
 */
public enum Table implements TableSpec.Holder {
  EVENTS(
      TableSpec.of(
          "events",
          "Shop events: views, searches, cart changes, checkouts, purchases, recommendation impressions"
              + " and clicks. One row per event_id.",
          "event_date",
          List.of("event_id"),
          req("event_id", StringType),
          req("user_id", StringType),
          req("session_id", StringType),
          req("event_type", StringType),
          opt("item_id", StringType),
          req("ts", TimestampType),
          opt("price", DoubleType),
          opt("quantity", IntegerType),
          opt("query", StringType),
          opt("channel", StringType),
          opt("device", StringType),
          opt("automation", StringType),
          opt("position", IntegerType),
          req("ingest_date", DateType),
          req("event_date", DateType))),
  ORDERS(
      TableSpec.of(
          "orders",
          "One row per order_id: who ordered, when, where, and the order total.",
          "order_date",
          List.of("order_id"),
          req("order_id", StringType),
          req("user_id", StringType),
          req("ordered_at", TimestampType),
          opt("channel", StringType),
          opt("device", StringType),
          req("n_lines", IntegerType),
          req("total_amount", DoubleType),
          req("ingest_date", DateType),
          req("order_date", DateType))),
  ORDER_LINES(
      TableSpec.of(
          "order_lines",
          "One row per (order_id, line_no): item, variant (size), quantity, list and paid unit price.",
          "order_date",
          List.of("order_id", "line_no"),
          req("order_id", StringType),
          req("line_no", IntegerType),
          req("user_id", StringType),
          req("item_id", StringType),
          opt("variant", StringType),
          req("quantity", IntegerType),
          req("list_price", DoubleType),
          req("unit_price", DoubleType),
          req("ordered_at", TimestampType),
          req("ingest_date", DateType),
          req("order_date", DateType))),
  RETURNS(
      TableSpec.of(
          "returns",
          "One row per return_id: which order line came back, when, why, and the refund.",
          "return_date",
          List.of("return_id"),
          req("return_id", StringType),
          req("order_id", StringType),
          opt("line_no", IntegerType),
          req("item_id", StringType),
          req("user_id", StringType),
          req("quantity", IntegerType),
          req("returned_at", TimestampType),
          opt("reason", StringType),
          req("refund_amount", DoubleType),
          req("ingest_date", DateType),
          req("return_date", DateType))),
  ITEMS(
      TableSpec.of(
          "items",
          "The catalog, latest state per item_id: text, category, brand, list price, stock.",
          null,
          List.of("item_id"),
          req("item_id", StringType),
          req("title", StringType),
          opt("description", StringType),
          req("category", StringType),
          opt("brand", StringType),
          req("list_price", DoubleType),
          req("size_sensitive", BooleanType),
          req("in_stock", BooleanType),
          req("updated_at", TimestampType),
          req("ingest_date", DateType))),
  CUSTOMERS(
      TableSpec.of(
          "customers",
          "Customers, latest state per user_id: region, keyed hashes of e-mail and phone, consent per"
              + " purpose.",
          null,
          List.of("user_id"),
          req("user_id", StringType),
          opt("email_hash", StringType),
          opt("phone_hash", StringType),
          req("region", StringType),
          opt("country", StringType),
          opt("signup_date", DateType),
          req("consent_personalisation", BooleanType),
          req("consent_marketing", BooleanType),
          req("consent_profiling", BooleanType),
          req("updated_at", TimestampType),
          req("ingest_date", DateType))),
  TICKETS(
      TableSpec.of(
          "tickets",
          "Support tickets: text, channel, and how and when they were resolved.",
          "ticket_date",
          List.of("ticket_id"),
          req("ticket_id", StringType),
          req("user_id", StringType),
          opt("order_id", StringType),
          req("created_at", TimestampType),
          opt("channel", StringType),
          opt("subject", StringType),
          req("body", StringType),
          opt("resolved_at", TimestampType),
          opt("resolved_by", StringType),
          opt("handle_minutes", DoubleType),
          req("ingest_date", DateType),
          req("ticket_date", DateType))),
  ASSIGNMENTS(
      TableSpec.of(
          "assignments",
          "Randomised cohort per (user_id, automation): treatment or holdout, and when assigned.",
          null,
          List.of("user_id", "automation"),
          req("user_id", StringType),
          req("automation", StringType),
          req("cohort", StringType),
          req("assigned_at", TimestampType),
          req("ingest_date", DateType))),
  COSTS(
      TableSpec.of(
          "costs",
          "Operating cost per (date, automation, cost_type): compute, operations, maintenance.",
          null,
          List.of("date", "automation", "cost_type"),
          req("date", DateType),
          req("automation", StringType),
          req("cost_type", StringType),
          req("amount", DoubleType),
          req("ingest_date", DateType))),
  QUARANTINE(
      TableSpec.of(
          "quarantine",
          "Rows ingest refused: the source, the file, the raw line and a reason code.",
          "ingest_date",
          List.of(),
          req("source", StringType),
          req("source_file", StringType),
          req("raw", StringType),
          req("reason", StringType),
          opt("detail", StringType),
          req("ingest_date", DateType))),
  RUNS(
      TableSpec.of(
          "runs",
          "The run ledger: one row per step run, with status, timings, counts and result.",
          null,
          List.of(),
          req("run_id", StringType),
          req("step", StringType),
          req("run_date", DateType),
          req("status", StringType),
          req("started_at", TimestampType),
          opt("ended_at", TimestampType),
          opt("counts", createMapType(StringType, LongType)),
          opt("table_versions", createMapType(StringType, LongType)),
          opt("message", StringType),
          opt("result", StringType)));

  private final TableSpec spec;

  Table(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }

  public static Optional<Table> byShortName(String name) {
    return Arrays.stream(values()).filter(t -> t.shortName().equals(name)).findFirst();
  }
}
