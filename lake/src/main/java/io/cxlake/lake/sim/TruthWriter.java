package io.cxlake.lake.sim;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Writes {@code truth.json}: planted counts, the return model, and the true lifts. */
final class TruthWriter {
  /**
   * Metric definitions, as measured per assigned user from their assignment day to the last day.
   */
  static final Map<String, String> METRICS = new LinkedHashMap<>();

  static {
    METRICS.put("conversion", "1 if the user placed at least one order in the window, else 0");
    METRICS.put(
        "revenue_per_user", "sum of order line unit_price x quantity of orders in the window");
    METRICS.put("orders_per_user", "number of orders in the window");
    METRICS.put("aov", "ratio metric: total revenue / total orders of the arm");
    METRICS.put("items_returned", "quantity returned (return dated in the window)");
    METRICS.put("net_revenue_per_user", "revenue_per_user minus refunds dated in the window");
    METRICS.put("support_tickets", "tickets created in the window");
    METRICS.put("resolution_minutes", "total minutes to resolve the user's tickets in the window");
  }

  private TruthWriter() {}

  static void write(
      SparkSession spark,
      SimParams p,
      Catalog catalog,
      Path truth,
      Map<String, Long> bad,
      long duplicates) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("seed", p.seed());
    t.put("users", p.users());
    t.put("items", p.items());
    t.put("days", p.days());
    t.put("first_day", p.firstDay().toString());
    t.put("last_day", p.lastDay().toString());
    t.put("bad_rate", p.badRate());
    t.put("bad_rows", bad);
    t.put("duplicate_rows", duplicates);
    t.put("experiment_start", p.day(p.experimentStart()).toString());
    t.put(
        "pre_period",
        Map.of(
            "start",
            p.firstDay().toString(),
            "end_exclusive",
            p.day(p.experimentStart()).toString()));
    t.put(
        "analysis_window",
        "per user: from max(experiment_start, first day the user exists) to last_day inclusive");
    t.put("treatment_share", UserSimulator.TREATMENT_SHARE);
    t.put("automations", List.of(UserSimulator.AUTOMATIONS));
    t.put("metrics", METRICS);
    t.put("lifts", lifts(spark, truth.resolve("effects.csv")));
    t.put("return_model", ReturnModel.coefficients());
    t.put("return_window_days", 14);
    try {
      writeItems(catalog, truth.resolve("item_factors.csv"));
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(truth.resolve("truth.json").toFile(), t);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the truth", e);
    }
  }

  /** Sample average treatment effects from the per-user potential outcomes. */
  private static Map<String, Map<String, Double>> lifts(SparkSession spark, Path effects) {
    var e =
        spark
            .read()
            .option("header", "true")
            .option("inferSchema", "false")
            .csv(effects.toString());
    List<Column> aggs = new ArrayList<>();
    for (String side : List.of("on", "off")) {
      Column orders = col("orders_" + side).cast("double");
      Column revenue = col("revenue_" + side).cast("double");
      aggs.add(sum(when(orders.gt(0), 1.0).otherwise(0.0)).as("conv_" + side));
      aggs.add(sum(revenue).as("rev_" + side));
      aggs.add(sum(orders).as("ord_" + side));
      aggs.add(sum(col("items_returned_" + side).cast("double")).as("ret_" + side));
      aggs.add(sum(revenue.minus(col("refunds_" + side).cast("double"))).as("net_" + side));
      aggs.add(sum(col("tickets_" + side).cast("double")).as("tix_" + side));
      aggs.add(sum(col("resolution_minutes_" + side).cast("double")).as("min_" + side));
    }
    aggs.add(count(lit(1)).cast("double").as("n"));
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (Row r :
        e.groupBy("automation")
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
            .orderBy("automation")
            .collectAsList()) {
      double n = r.getAs("n");
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("conversion", diff(r, "conv") / n);
      m.put("revenue_per_user", diff(r, "rev") / n);
      m.put("orders_per_user", diff(r, "ord") / n);
      m.put("aov", ratio(r, "on") - ratio(r, "off"));
      m.put("items_returned", diff(r, "ret") / n);
      m.put("net_revenue_per_user", diff(r, "net") / n);
      m.put("support_tickets", diff(r, "tix") / n);
      m.put("resolution_minutes", diff(r, "min") / n);
      out.put(r.getAs("automation"), m);
    }
    return out;
  }

  private static double diff(Row r, String name) {
    return (double) r.getAs(name + "_on") - (double) r.getAs(name + "_off");
  }

  private static double ratio(Row r, String side) {
    double orders = r.getAs("ord_" + side);
    return orders == 0 ? 0 : (double) r.getAs("rev_" + side) / orders;
  }

  private static void writeItems(Catalog catalog, Path file) throws IOException {
    StringBuilder sb = new StringBuilder("item_id,category,popularity,intro_day\n");
    for (Catalog.Item it : catalog.items()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%.5f,%d%n",
              it.id(),
              it.categoryName(),
              it.popularity(),
              it.introDay()));
    }
    Files.writeString(file, sb);
  }
}
