package io.cxlake.lake.table;

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
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The lake's tables: short name (used by {@code sql}, the notebooks and the jobs), declared schema,
 * date partition column and key columns. The README's table list is this enum.
 */
public enum Table implements TableDef {
  EVENTS(
      "events",
      "Shop events: views, searches, cart changes, checkouts, purchases, recommendation impressions"
          + " and clicks. One row per event_id.",
      "event_date",
      List.of("event_id"),
      TableDef.req("event_id", StringType),
      TableDef.req("user_id", StringType),
      TableDef.req("session_id", StringType),
      TableDef.req("event_type", StringType),
      TableDef.opt("item_id", StringType),
      TableDef.req("ts", TimestampType),
      TableDef.opt("price", DoubleType),
      TableDef.opt("quantity", IntegerType),
      TableDef.opt("query", StringType),
      TableDef.opt("channel", StringType),
      TableDef.opt("device", StringType),
      TableDef.opt("automation", StringType),
      TableDef.opt("position", IntegerType),
      TableDef.req("ingest_date", DateType),
      TableDef.req("event_date", DateType)),
  ORDERS(
      "orders",
      "One row per order_id: who ordered, when, where, and the order total.",
      "order_date",
      List.of("order_id"),
      TableDef.req("order_id", StringType),
      TableDef.req("user_id", StringType),
      TableDef.req("ordered_at", TimestampType),
      TableDef.opt("channel", StringType),
      TableDef.opt("device", StringType),
      TableDef.req("n_lines", IntegerType),
      TableDef.req("total_amount", DoubleType),
      TableDef.req("ingest_date", DateType),
      TableDef.req("order_date", DateType)),
  ORDER_LINES(
      "order_lines",
      "One row per (order_id, line_no): item, variant (size), quantity, list and paid unit price.",
      "order_date",
      List.of("order_id", "line_no"),
      TableDef.req("order_id", StringType),
      TableDef.req("line_no", IntegerType),
      TableDef.req("user_id", StringType),
      TableDef.req("item_id", StringType),
      TableDef.opt("variant", StringType),
      TableDef.req("quantity", IntegerType),
      TableDef.req("list_price", DoubleType),
      TableDef.req("unit_price", DoubleType),
      TableDef.req("ordered_at", TimestampType),
      TableDef.req("ingest_date", DateType),
      TableDef.req("order_date", DateType)),
  RETURNS(
      "returns",
      "One row per return_id: which order line came back, when, why, and the refund.",
      "return_date",
      List.of("return_id"),
      TableDef.req("return_id", StringType),
      TableDef.req("order_id", StringType),
      TableDef.opt("line_no", IntegerType),
      TableDef.req("item_id", StringType),
      TableDef.req("user_id", StringType),
      TableDef.req("quantity", IntegerType),
      TableDef.req("returned_at", TimestampType),
      TableDef.opt("reason", StringType),
      TableDef.req("refund_amount", DoubleType),
      TableDef.req("ingest_date", DateType),
      TableDef.req("return_date", DateType)),
  ITEMS(
      "items",
      "The catalog, latest state per item_id: text, category, brand, list price, stock.",
      null,
      List.of("item_id"),
      TableDef.req("item_id", StringType),
      TableDef.req("title", StringType),
      TableDef.opt("description", StringType),
      TableDef.req("category", StringType),
      TableDef.opt("brand", StringType),
      TableDef.req("list_price", DoubleType),
      TableDef.req("size_sensitive", BooleanType),
      TableDef.req("in_stock", BooleanType),
      TableDef.req("updated_at", TimestampType),
      TableDef.req("ingest_date", DateType)),
  CUSTOMERS(
      "customers",
      "Customers, latest state per user_id: region, keyed hashes of e-mail and phone, consent per"
          + " purpose.",
      null,
      List.of("user_id"),
      TableDef.req("user_id", StringType),
      TableDef.opt("email_hash", StringType),
      TableDef.opt("phone_hash", StringType),
      TableDef.req("region", StringType),
      TableDef.opt("country", StringType),
      TableDef.opt("signup_date", DateType),
      TableDef.req("consent_personalisation", BooleanType),
      TableDef.req("consent_marketing", BooleanType),
      TableDef.req("consent_profiling", BooleanType),
      TableDef.req("updated_at", TimestampType),
      TableDef.req("ingest_date", DateType)),
  TICKETS(
      "tickets",
      "Support tickets: text, channel, and how and when they were resolved.",
      "ticket_date",
      List.of("ticket_id"),
      TableDef.req("ticket_id", StringType),
      TableDef.req("user_id", StringType),
      TableDef.opt("order_id", StringType),
      TableDef.req("created_at", TimestampType),
      TableDef.opt("channel", StringType),
      TableDef.opt("subject", StringType),
      TableDef.req("body", StringType),
      TableDef.opt("resolved_at", TimestampType),
      TableDef.opt("resolved_by", StringType),
      TableDef.opt("handle_minutes", DoubleType),
      TableDef.req("ingest_date", DateType),
      TableDef.req("ticket_date", DateType)),
  ASSIGNMENTS(
      "assignments",
      "Randomised cohort per (user_id, automation): treatment or holdout, and when assigned.",
      null,
      List.of("user_id", "automation"),
      TableDef.req("user_id", StringType),
      TableDef.req("automation", StringType),
      TableDef.req("cohort", StringType),
      TableDef.req("assigned_at", TimestampType),
      TableDef.req("ingest_date", DateType)),
  COSTS(
      "costs",
      "Operating cost per (date, automation, cost_type): compute, operations, maintenance.",
      null,
      List.of("date", "automation", "cost_type"),
      TableDef.req("date", DateType),
      TableDef.req("automation", StringType),
      TableDef.req("cost_type", StringType),
      TableDef.req("amount", DoubleType),
      TableDef.req("ingest_date", DateType)),
  QUARANTINE(
      "quarantine",
      "Rows ingest refused: the source, the file, the raw line and a reason code.",
      "ingest_date",
      List.of(),
      TableDef.req("source", StringType),
      TableDef.req("source_file", StringType),
      TableDef.req("raw", StringType),
      TableDef.req("reason", StringType),
      TableDef.opt("detail", StringType),
      TableDef.req("ingest_date", DateType)),
  RUNS(
      "runs",
      "The run ledger: one row per step run, with status, timings, counts and result.",
      null,
      List.of(),
      TableDef.req("run_id", StringType),
      TableDef.req("step", StringType),
      TableDef.req("run_date", DateType),
      TableDef.req("status", StringType),
      TableDef.req("started_at", TimestampType),
      TableDef.opt("ended_at", TimestampType),
      TableDef.opt("counts", createMapType(StringType, LongType)),
      TableDef.opt("table_versions", createMapType(StringType, LongType)),
      TableDef.opt("message", StringType),
      TableDef.opt("result", StringType));

  private final String shortName;
  private final String doc;
  private final String partitionColumn;
  private final List<String> keys;
  private final StructType schema;

  Table(String shortName, String doc, String partitionColumn, List<String> keys, StructField... f) {
    this.shortName = shortName;
    this.doc = doc;
    this.partitionColumn = partitionColumn;
    this.keys = keys;
    this.schema = new StructType(f);
  }

  @Override
  public String shortName() {
    return shortName;
  }

  @Override
  public String doc() {
    return doc;
  }

  @Override
  public Optional<String> partitionColumn() {
    return Optional.ofNullable(partitionColumn);
  }

  @Override
  public List<String> keys() {
    return keys;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  public static Optional<Table> byShortName(String name) {
    return Arrays.stream(values()).filter(t -> t.shortName.equals(name)).findFirst();
  }
}
