package io.cxlake.lake.ingest.retail;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import io.cxlake.lake.ingest.IngestResult;
import io.cxlake.lake.landing.Reason;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Ingests the real Online Retail export (UCI: one CSV of invoice lines) through the column mapping
 * in the README § Real data: invoices → orders and order lines, {@code C} invoices → returns
 * matched to the customer's latest earlier purchase of the item, descriptions → items, Country →
 * customers' region. Its dirt is quarantined with reasons, never dropped: missing CustomerID,
 * adjustment codes, zero prices, sign errors, cancellations without an earlier purchase. Exact
 * duplicate lines, and lines already in the lake, count as duplicates; rerunning changes nothing.
 */
public final class OnlineRetailIngest {
  public static final String SOURCE = "online_retail";
  public static final List<Table> TABLES =
      List.of(
          Table.ITEMS,
          Table.CUSTOMERS,
          Table.ORDERS,
          Table.ORDER_LINES,
          Table.RETURNS,
          Table.QUARANTINE);
  private static final String HEADER =
      "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

  static final StructType PARSED =
      new StructType()
          .add("invoice", DataTypes.StringType)
          .add("stock_code", DataTypes.StringType)
          .add("description", DataTypes.StringType)
          .add("quantity", DataTypes.IntegerType)
          .add("ts", DataTypes.TimestampType)
          .add("unit_price", DataTypes.DoubleType)
          .add("customer_id", DataTypes.StringType)
          .add("country", DataTypes.StringType)
          .add("cancellation", DataTypes.BooleanType)
          .add("reason", DataTypes.StringType)
          .add("detail", DataTypes.StringType)
          .add("raw", DataTypes.StringType)
          .add("source_file", DataTypes.StringType)
          .add("pos", DataTypes.LongType);

  private OnlineRetailIngest() {}

  public static IngestResult run(Lake lake, String csvPath, LocalDate runDate) {
    Date day = Date.valueOf(runDate);
    // A gzip file is one partition, so this id is the line's place in the file.
    Dataset<Row> text =
        lake.spark()
            .read()
            .text(csvPath)
            .withColumn("pos", monotonically_increasing_id())
            .where(col("value").notEqual(HEADER))
            .select(col("value"), col("_metadata.file_path"), col("pos"));
    Dataset<Row> parsed =
        text.map(
                (MapFunction<Row, Row>)
                    r -> {
                      RetailLine l = RetailLine.parse(r.getString(0));
                      return RowFactory.create(
                          l.invoice(),
                          l.stockCode(),
                          l.description(),
                          l.quantity(),
                          l.invoiceTs(),
                          l.unitPrice(),
                          l.customerId(),
                          l.country(),
                          l.cancellation(),
                          l.reason(),
                          l.detail(),
                          r.getString(0),
                          r.getString(1),
                          r.getLong(2));
                    },
                Encoders.row(PARSED))
            .cache();
    try {
      return write(lake, parsed, day);
    } finally {
      parsed.unpersist();
    }
  }

  private static IngestResult write(Lake lake, Dataset<Row> parsed, Date day) {
    long read = parsed.count();
    // Exact duplicate lines: keep the first in the file.
    Dataset<Row> good =
        parsed
            .where(col("reason").isNull())
            .withColumn("copy", row_number().over(Window.partitionBy("raw").orderBy("pos")));
    long exactDuplicates = good.where(col("copy").gt(1)).count();
    good = good.where(col("copy").equalTo(1)).drop("copy");

    Dataset<Row> sales =
        good.where(col("cancellation").equalTo(false))
            .withColumn("line_no", row_number().over(Window.partitionBy("invoice").orderBy("pos")))
            .cache();
    Dataset<Row> returns = matchReturns(good.where(col("cancellation")), sales).cache();
    Dataset<Row> unmatched = returns.where(col("order_id").isNull());
    Dataset<Row> matched = returns.where(col("order_id").isNotNull());
    try {
      lake.upsert(Table.ITEMS, items(sales, day), "updated_at");
      lake.upsert(Table.CUSTOMERS, customers(sales, day), "updated_at");
      lake.insertNew(Table.ORDERS, orders(sales, day));
      long lines = lake.insertNew(Table.ORDER_LINES, orderLines(sales, day));
      long returned = lake.insertNew(Table.RETURNS, returnRows(matched, day));
      Dataset<Row> bad =
          parsed
              .where(col("reason").isNotNull())
              .select("raw", "source_file", "reason", "detail")
              .unionByName(
                  unmatched.select(
                      col("raw"),
                      col("source_file"),
                      lit(Reason.UNKNOWN_REFERENCE.code()).as("reason"),
                      lit("cancellation without an earlier purchase of the item").as("detail")));
      Dataset<Row> quarantine =
          bad.select(
              lit(SOURCE).as("source"),
              col("source_file"),
              col("raw"),
              col("reason"),
              col("detail"),
              lit(day).as("ingest_date"));
      lake.replaceWhere(
          Table.QUARANTINE,
          "ingest_date = DATE'" + day + "' AND source = '" + SOURCE + "'",
          quarantine);
      Map<String, Long> reasons = new LinkedHashMap<>();
      bad.groupBy("reason")
          .count()
          .orderBy("reason")
          .collectAsList()
          .forEach(r -> reasons.put(r.getString(0), r.getLong(1)));
      long alreadyThere = sales.count() - lines + matched.count() - returned;
      return new IngestResult(
          Map.of(
              SOURCE,
              new IngestResult.SourceCounts(
                  read, lines + returned, exactDuplicates + alreadyThere, reasons)));
    } finally {
      sales.unpersist();
      returns.unpersist();
    }
  }

  /** Each cancellation line → the customer's latest earlier sale of the same item, if any. */
  private static Dataset<Row> matchReturns(Dataset<Row> cancellations, Dataset<Row> sales) {
    Dataset<Row> s =
        sales.select(
            col("customer_id").as("s_customer"),
            col("stock_code").as("s_code"),
            col("ts").as("s_ts"),
            col("invoice").as("s_invoice"),
            col("line_no").as("s_line"));
    Dataset<Row> c =
        cancellations.withColumn(
            "return_line", row_number().over(Window.partitionBy("invoice").orderBy("pos")));
    Dataset<Row> candidates =
        c.join(
                s,
                col("customer_id")
                    .equalTo(col("s_customer"))
                    .and(col("stock_code").equalTo(col("s_code")))
                    .and(col("s_ts").leq(col("ts"))),
                "left")
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("raw", "pos")
                            .orderBy(
                                col("s_ts").desc_nulls_last(),
                                col("s_invoice").desc(),
                                col("s_line").desc())));
    return candidates
        .where(col("rank").equalTo(1))
        .withColumn("order_id", col("s_invoice"))
        .withColumn("matched_line", col("s_line"));
  }

  private static Dataset<Row> items(Dataset<Row> sales, Date day) {
    return sales
        .groupBy("stock_code")
        .agg(
            max_by(col("description"), col("pos")).as("description"),
            max("unit_price").as("list_price"),
            max("ts").as("updated_at"))
        .select(
            col("stock_code").as("item_id"),
            org.apache
                .spark
                .sql
                .functions
                .coalesce(col("description"), col("stock_code"))
                .as("title"),
            col("description"),
            RetailCatalog.category(col("description")).as("category"),
            lit(null).cast("string").as("brand"),
            col("list_price"),
            lit(false).as("size_sensitive"),
            lit(true).as("in_stock"),
            col("updated_at"),
            lit(day).as("ingest_date"));
  }

  private static Dataset<Row> customers(Dataset<Row> sales, Date day) {
    return sales
        .groupBy("customer_id")
        .agg(
            max_by(col("country"), col("pos")).as("country"),
            min("ts").as("first_ts"),
            max("ts").as("updated_at"))
        .select(
            col("customer_id").as("user_id"),
            lit(null).cast("string").as("email_hash"),
            lit(null).cast("string").as("phone_hash"),
            RetailCatalog.region(col("country")).as("region"),
            col("country"),
            to_date(col("first_ts")).as("signup_date"),
            // The export carries no consent: treated as granted, for evaluation only.
            lit(true).as("consent_personalisation"),
            lit(true).as("consent_marketing"),
            lit(true).as("consent_profiling"),
            col("updated_at"),
            lit(day).as("ingest_date"));
  }

  private static Dataset<Row> orders(Dataset<Row> sales, Date day) {
    return sales
        .groupBy("invoice")
        .agg(
            max("customer_id").as("user_id"),
            min("ts").as("ordered_at"),
            count(lit(1)).cast("int").as("n_lines"),
            round(sum(col("unit_price").multiply(col("quantity"))), 2).as("total_amount"))
        .select(
            col("invoice").as("order_id"),
            col("user_id"),
            col("ordered_at"),
            lit("web").as("channel"),
            lit(null).cast("string").as("device"),
            col("n_lines"),
            col("total_amount"),
            lit(day).as("ingest_date"),
            to_date(col("ordered_at")).as("order_date"));
  }

  private static Dataset<Row> orderLines(Dataset<Row> sales, Date day) {
    return sales.select(
        col("invoice").as("order_id"),
        col("line_no"),
        col("customer_id").as("user_id"),
        col("stock_code").as("item_id"),
        lit(null).cast("string").as("variant"),
        col("quantity"),
        col("unit_price").as("list_price"),
        col("unit_price"),
        col("ts").as("ordered_at"),
        lit(day).as("ingest_date"),
        to_date(col("ts")).as("order_date"));
  }

  private static Dataset<Row> returnRows(Dataset<Row> matched, Date day) {
    return matched.select(
        concat_ws("-", col("invoice"), col("return_line")).as("return_id"),
        col("order_id"),
        col("matched_line").as("line_no"),
        col("stock_code").as("item_id"),
        col("customer_id").as("user_id"),
        negate(col("quantity")).as("quantity"),
        col("ts").as("returned_at"),
        lit("cancellation").as("reason"),
        round(col("unit_price").multiply(negate(col("quantity"))), 2).as("refund_amount"),
        lit(day).as("ingest_date"),
        to_date(col("ts")).as("return_date"));
  }
}
