package io.cxlake.jobs.governance;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import io.cxlake.features.FeatureTable;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.models.intents.IntentTables;
import io.cxlake.models.score.ScoreTable;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Score tables (and intents) for a run-date made from the lake's own users, items, order lines and
 * tickets (no model): what publish copies to the serving store, keyed by real ids, so erasure has
 * something to find.
 */
final class FakeScores {
  private FakeScores() {}

  static void write(Lake lake, LocalDate day, double tag) {
    Date d = Date.valueOf(day);
    Dataset<Row> items = lake.read(Table.ITEMS).select("item_id").orderBy("item_id").limit(3);
    Dataset<Row> users =
        lake.read(FeatureTable.USER_FEATURES).select("user_id", "region").distinct();
    Dataset<Row> ranked =
        users
            .crossJoin(items)
            .withColumn(
                "rank", row_number().over(Window.partitionBy("user_id").orderBy("item_id")));
    lake.replacePartition(
        ScoreTable.RECOMMENDATIONS,
        day,
        ranked.select(
            col("user_id"),
            col("rank"),
            col("item_id"),
            lit(tag).minus(col("rank").multiply(0.1)).as("score"),
            lit("als").as("layer"),
            lit("recs-" + day).as("model_version"),
            lit(d).as("run_date")));
    lake.replacePartition(
        ScoreTable.POPULAR,
        day,
        users
            .select("region")
            .distinct()
            .crossJoin(items)
            .withColumn("rank", row_number().over(Window.partitionBy("region").orderBy("item_id")))
            .select(
                col("region"),
                col("rank"),
                col("item_id"),
                lit(tag).as("score"),
                lit(d).as("run_date")));
    lake.replacePartition(
        ScoreTable.SIMILAR_ITEMS,
        day,
        items.select(
            col("item_id"),
            lit(1).as("rank"),
            col("item_id").as("similar_item_id"),
            lit(tag).as("score"),
            lit(d).as("run_date")));
    lake.replacePartition(
        ScoreTable.RETURN_RISK,
        day,
        lake.read(FeatureTable.ORDER_LINE_FEATURES)
            .groupBy("order_id", "line_no")
            .agg(max("discount_depth").as("_d"), max("item_id").as("item_id"))
            .select(
                col("order_id"),
                col("line_no"),
                col("item_id"),
                lit(tag / 10).as("probability"),
                lit("low").as("band"),
                array(lit("several_sizes +1.00: test")).as("reasons"),
                lit("return_risk-test").as("model_version"),
                lit(d).as("run_date")));
    // Support intents are keyed by ticket only.
    lake.replacePartition(
        IntentTables.TICKET_ROUTING,
        day,
        lake.read(Table.TICKETS)
            .select(
                col("ticket_id"),
                lit("order_status").as("intent"),
                lit(0.9).as("confidence"),
                lit("automate").as("route"),
                lit("confident").as("reason"),
                lit("intents-test").as("model_version"),
                lit(d).as("run_date")));
    lake.replacePartition(
        ScoreTable.MODEL_VERSIONS,
        day,
        lake.spark()
            .range(1)
            .select(
                lit("als").as("model"), lit("als-" + tag).as("version"), lit(d).as("run_date")));
  }
}
