package io.cxlake.lake.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.governance.Erasures;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.landing.Landing;
import io.cxlake.lake.landing.Reason;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landing zone of one day → the lake. Per source, in dependency order (items and customers first,
 * so references can be checked): read the day's lines, parse and validate each (plain Java, see
 * {@link Source}), check references against the lake, drop duplicates (in the batch, and keys the
 * table already holds), write the good rows in one commit, and send every bad row to quarantine
 * with its reason. Rerunning a day writes nothing new and leaves every table as it was.
 */
public final class Ingest {
  /** The tables ingest writes (for restore on failure). */
  public static final List<TableDef> TABLES =
      List.of(
          Table.ITEMS,
          Table.CUSTOMERS,
          Table.EVENTS,
          Table.ORDERS,
          Table.ORDER_LINES,
          Table.RETURNS,
          Table.TICKETS,
          Table.ASSIGNMENTS,
          Table.COSTS,
          Table.QUARANTINE,
          GovernanceTable.CONSENT_HISTORY);

  private static final String REASON = "_reason";
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

  private Ingest() {}

  public static IngestResult run(
      Lake lake,
      String landingRoot,
      LocalDate day,
      CxConfig.IngestSettings settings,
      byte[] pseudonymKey) {
    Instant latest =
        day.plusDays(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC)
            .plusSeconds(3600L * settings.futureToleranceHours());
    LineRules rules =
        new LineRules(
            latest,
            settings.maxFieldChars(),
            new Pseudonymiser(pseudonymKey),
            new HashSet<>(Erasures.standing(lake)));
    Map<String, IngestResult.SourceCounts> counts = new LinkedHashMap<>();
    List<SourceRun> runs = new ArrayList<>();
    try {
      // Source order matters: items and customers first, the references of the rest are
      // checked against them.
      for (Source s : Source.values()) {
        runs.add(ingestSource(lake, landingRoot, day, rules, s));
      }
      List<Dataset<Row>> quarantine = new ArrayList<>();
      for (SourceRun r : runs) {
        if (r != null) {
          counts.put(r.source().landing.dir(), r.counts());
          quarantine.add(r.quarantine());
        }
      }
      Dataset<Row> q =
          quarantine.stream()
              .reduce(Dataset::unionByName)
              .orElse(lake.read(Table.QUARANTINE).limit(0));
      long started = System.nanoTime();
      lake.replacePartition(Table.QUARANTINE, day, q);
      LOG.info(
          "ingest quarantine {}: written in {} ms", day, (System.nanoTime() - started) / 1_000_000);
      return new IngestResult(counts);
    } finally {
      runs.stream().filter(r -> r != null).forEach(r -> r.parsed().unpersist());
    }
  }

  /**
   * What the parser needs besides the line: the time limit, field size, the hasher, and the hashes
   * of the users with a standing erasure.
   */
  private record LineRules(
      Instant latest, int maxChars, Pseudonymiser pseudonymiser, Set<String> erased) {}

  /** One source's run: its counts, its bad rows for quarantine, and its cached parse. */
  private record SourceRun(
      Source source,
      IngestResult.SourceCounts counts,
      Dataset<Row> quarantine,
      Dataset<Row> parsed) {}

  /** Parses, validates, checks and writes one source's lines of the day; null if none landed. */
  private static SourceRun ingestSource(
      Lake lake, String landingRoot, LocalDate day, LineRules rules, Source s) {
    long started = System.nanoTime();
    Dataset<Row> lines = lines(lake.spark(), landingRoot, s, day);
    if (lines == null) {
      return null;
    }
    Dataset<Row> parsed =
        lines
            .mapPartitions(
                new LineParser(
                    s,
                    header(s),
                    rules.latest(),
                    rules.maxChars(),
                    rules.pseudonymiser(),
                    rules.erased()),
                Encoders.row(LineParser.outputSchema(s)))
            .transform(p -> checkReferences(lake, s, p))
            .cache();
    Dataset<Row> good = parsed.where(col(REASON).isNull());
    Dataset<Row> bad =
        parsed.where(col(REASON).isNotNull().and(col(REASON).notEqual(LineParser.ERASED)));
    long read = parsed.count();
    Map<String, Long> reasons = new LinkedHashMap<>();
    parsed
        .where(col(REASON).isNotNull())
        .groupBy(REASON)
        .count()
        .collectAsList()
        .forEach(r -> reasons.put(r.getString(0), r.getLong(1)));
    long erased = reasons.getOrDefault(LineParser.ERASED, 0L);
    reasons.remove(LineParser.ERASED);
    long goodRows = read - erased - reasons.values().stream().mapToLong(Long::longValue).sum();
    long written = goodRows == 0 ? 0 : write(lake, s, good, day);
    IngestResult.SourceCounts c =
        new IngestResult.SourceCounts(read, written, goodRows - written, reasons, erased);
    if (erased > 0) {
      LOG.info(
          "ingest {} {}: dropped {} rows of users with a standing erasure",
          s.landing.dir(),
          day,
          erased);
    }
    LOG.info(
        "ingest {} {}: read {}, written {}, in {} ms",
        s.landing.dir(),
        day,
        read,
        written,
        (System.nanoTime() - started) / 1_000_000);
    Redaction redaction = new Redaction(rules.pseudonymiser(), header(s));
    UserDefinedFunction mask = udf((UDF1<String, String>) redaction::mask, DataTypes.StringType);
    Dataset<Row> q =
        bad.select(
            lit(s.landing.dir()).as("source"),
            col("source_file"),
            mask.apply(col("raw")).as("raw"),
            col(REASON).as("reason"),
            mask.apply(col("_detail")).as("detail"),
            lit(Date.valueOf(day)).as("ingest_date"));
    return new SourceRun(s, c, q, parsed);
  }

  /** The day's lines of a source (CSV headers dropped), or null if nothing landed. */
  private static Dataset<Row> lines(SparkSession spark, String root, Source s, LocalDate day) {
    String dir = s.landing.dayPath(root, day);
    try {
      Path p = new Path(dir);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return null;
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the landing folder " + dir, e);
    }
    Dataset<Row> text =
        spark
            .read()
            .option("pathGlobFilter", "*." + s.landing.format().extension())
            .text(dir)
            .select(col("value").as("raw"), col("_metadata.file_path").as("source_file"));
    String[] h = header(s);
    return h == null ? text : text.where(col("raw").notEqual(String.join(",", h)));
  }

  /** The CSV header of a source (its columns, in order), or null for JSON sources. */
  static String[] header(Source s) {
    if (s.landing.format() != Landing.Format.CSV) {
      return null;
    }
    return switch (s) {
      case CUSTOMERS ->
          new String[] {
            "user_id",
            "email",
            "phone",
            "region",
            "country",
            "signup_date",
            "consent_personalisation",
            "consent_marketing",
            "consent_profiling",
            "updated_at"
          };
      case RETURNS ->
          new String[] {
            "return_id",
            "order_id",
            "line_no",
            "item_id",
            "user_id",
            "quantity",
            "returned_at",
            "reason",
            "refund_amount"
          };
      case ASSIGNMENTS -> new String[] {"user_id", "automation", "cohort", "assigned_at"};
      case COSTS -> new String[] {"date", "automation", "cost_type", "amount"};
      default -> throw new IllegalArgumentException(s + " is not a CSV source");
    };
  }

  /** Marks good rows that name a user or item the lake does not know as unknown_reference. */
  private static Dataset<Row> checkReferences(Lake lake, Source s, Dataset<Row> parsed) {
    List<String> cols = Arrays.asList(parsed.columns());
    Dataset<Row> out = parsed;
    if (cols.contains("user_id") && s != Source.CUSTOMERS) {
      Dataset<Row> users = lake.read(Table.CUSTOMERS).select(col("user_id").as("_known_user"));
      out =
          out.join(broadcast(users), col("user_id").equalTo(col("_known_user")), "left")
              .withColumn(
                  REASON,
                  when(
                          col(REASON).isNull().and(col("_known_user").isNull()),
                          Reason.UNKNOWN_REFERENCE.code())
                      .otherwise(col(REASON)))
              .withColumn(
                  "_detail",
                  when(
                          col("_known_user").isNull().and(col("_detail").isNull()),
                          lit("unknown user_id"))
                      .otherwise(col("_detail")))
              .drop("_known_user");
    }
    Dataset<Row> items = lake.read(Table.ITEMS).select(col("item_id").as("_known_item"));
    Column itemRef;
    if (s == Source.ORDERS) {
      // An order is as good as its worst line: one unknown item refuses the whole order.
      Dataset<Row> unknown =
          out.where(col(REASON).isNull())
              .select(col("order_id").as("_bad_order"), explode(col("lines")).as("l"))
              .join(broadcast(items), col("l.item_id").equalTo(col("_known_item")), "left_anti")
              .select("_bad_order")
              .distinct();
      out = out.join(unknown, col("order_id").equalTo(col("_bad_order")), "left");
      itemRef = col("_bad_order").isNotNull();
      out = mark(out, itemRef, "unknown item_id in a line").drop("_bad_order");
    } else if (cols.contains("item_id") && s != Source.ITEMS) {
      out = out.join(broadcast(items), col("item_id").equalTo(col("_known_item")), "left");
      itemRef = col("item_id").isNotNull().and(col("_known_item").isNull());
      out = mark(out, itemRef, "unknown item_id").drop("_known_item");
    }
    return out.select(Arrays.stream(parsed.columns()).map(c -> col(c)).toArray(Column[]::new));
  }

  private static Dataset<Row> mark(Dataset<Row> rows, Column unknown, String detail) {
    Column fresh = col(REASON).isNull().and(unknown);
    return rows.withColumn("_detail", when(fresh, lit(detail)).otherwise(col("_detail")))
        .withColumn(
            REASON, when(fresh, lit(Reason.UNKNOWN_REFERENCE.code())).otherwise(col(REASON)));
  }

  /**
   * Writes a source's good rows; returns how many were new (or, for latest-state tables, merged).
   */
  private static long write(Lake lake, Source s, Dataset<Row> good, LocalDate day) {
    Dataset<Row> rows = good.withColumn("ingest_date", lit(Date.valueOf(day)));
    Table t = s.table;
    switch (s) {
      case ITEMS, CUSTOMERS -> {
        Dataset<Row> latest = latestPerKey(rows, t.keys(), "updated_at");
        long n = latest.count();
        lake.upsert(t, latest, "updated_at");
        if (s == Source.CUSTOMERS) {
          lake.insertNew(GovernanceTable.CONSENT_HISTORY, consentStates(rows));
        }
        return n;
      }
      case COSTS -> {
        Dataset<Row> latest = rows.dropDuplicates(t.keys().toArray(String[]::new));
        long n = latest.count();
        lake.upsert(t, latest, "ingest_date");
        return n;
      }
      case ORDERS -> {
        Dataset<Row> orders = rows.dropDuplicates("order_id");
        long inserted = lake.insertNew(Table.ORDERS, orders);
        lake.insertNew(
            Table.ORDER_LINES,
            orders
                .select(
                    col("order_id"),
                    col("user_id"),
                    col("ordered_at"),
                    col("ingest_date"),
                    col("order_date"),
                    explode(col("lines")).as("l"))
                .select("order_id", "user_id", "ordered_at", "ingest_date", "order_date", "l.*"));
        return inserted;
      }
      default -> {
        return lake.insertNew(t, rows.dropDuplicates(t.keys().toArray(String[]::new)));
      }
    }
  }

  /**
   * Every consent state the day's customer rows state, one row per (user, purpose, updated_at): a
   * day that grants and then withdraws keeps both, which the latest-state customers table cannot.
   */
  private static Dataset<Row> consentStates(Dataset<Row> customers) {
    Dataset<Row> out = null;
    for (String purpose : List.of("personalisation", "marketing", "profiling")) {
      Dataset<Row> one =
          customers.select(
              col("user_id"),
              lit(purpose).as("purpose"),
              col("consent_" + purpose).as("granted"),
              col("region"),
              col("updated_at").as("changed_at"),
              col("ingest_date"));
      out = out == null ? one : out.unionByName(one);
    }
    return latestPerKey(
            out.withColumn("raw", col("granted").cast("string")),
            List.of("user_id", "purpose", "changed_at"),
            "changed_at")
        .drop("raw");
  }

  /** One row per key: the latest by the column (ties broken by the raw line, deterministically). */
  private static Dataset<Row> latestPerKey(Dataset<Row> rows, List<String> keys, String newest) {
    var w =
        org.apache.spark.sql.expressions.Window.partitionBy(
                keys.stream().map(k -> col(k)).toArray(Column[]::new))
            .orderBy(col(newest).desc(), col("raw").desc());
    return rows.withColumn("_rank", org.apache.spark.sql.functions.row_number().over(w))
        .where(col("_rank").equalTo(1))
        .drop("_rank");
  }
}
