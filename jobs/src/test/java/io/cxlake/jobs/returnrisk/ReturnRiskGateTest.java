package io.cxlake.jobs.returnrisk;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.features.FeatureTable;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.nightly.HandBuiltNight;
import io.cxlake.jobs.serving.SqliteServed;
import io.cxlake.jobs.serving.Version;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import io.cxlake.models.registry.ChampionGate;
import io.cxlake.models.registry.ModelRegistry;
import io.cxlake.models.registry.ModelVersion;
import io.cxlake.models.returnrisk.ReturnRisk;
import io.cxlake.models.score.ScoreTable;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The return-risk gate against the registry, on made-up order lines whose returns follow a planted
 * rule (several variants of an item in one order come back far more often): the first model beats
 * the baseline and becomes champion, and scores the open lines under its version; a champion far
 * better than any model this data allows makes the next night's model lose, block (exit 3), score
 * nothing, and stop the nightly before publish: the champion stays, and so does D's served version.
 */
@ExtendWith(SparkExtension.class)
class ReturnRiskGateTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 23);
  private static final int LABEL_DAYS = 10;
  private static final String M = ReturnRisk.MODEL;

  /**
   * 4000 lines over 60 days up to D; a line with k variants is returned with p = 0.03 + 0.2(k-1).
   */
  private static Dataset<Row> lines(SparkSession spark) {
    Column date =
        date_add(lit(Date.valueOf(D.minusDays(59))), floor(rand(1).multiply(60)).cast("int"));
    Column variants = floor(rand(2).multiply(3)).plus(1).cast("int");
    return spark
        .range(4000)
        .select(
            concat(lit("o"), col("id").cast("string")).as("order_id"),
            lit(1).as("line_no"),
            concat(lit("u"), col("id").mod(97).cast("string")).as("user_id"),
            concat(lit("i"), col("id").mod(13).cast("string")).as("item_id"),
            date.cast("timestamp").as("ordered_at"),
            lit(1).as("quantity"),
            rand(3).multiply(80).plus(10).as("unit_price"),
            lit(100.0).as("list_price"),
            rand(4).multiply(0.3).as("discount_depth"),
            lit("shoes").as("category"),
            lit(true).as("size_sensitive"),
            variants.as("variants_in_order"),
            lit(2).as("basket_lines"),
            lit(3).as("basket_units"),
            lit("web").as("channel"),
            lit("mobile").as("device"),
            date.as("order_date"))
        .withColumn(
            "_returned",
            rand(5).lt(lit(0.03).plus(col("variants_in_order").minus(1).multiply(0.2))));
  }

  private static Dataset<Row> returns(Dataset<Row> lines) {
    Column at = col("ordered_at").plus(expr("INTERVAL 2 DAYS"));
    return lines
        .where(col("_returned"))
        .select(
            concat(lit("r-"), col("order_id")).as("return_id"),
            col("order_id"),
            col("line_no"),
            col("item_id"),
            col("user_id"),
            lit(1).as("quantity"),
            at.as("returned_at"),
            lit("size").as("reason"),
            col("unit_price").as("refund_amount"),
            at.cast("date").as("ingest_date"),
            at.cast("date").as("return_date"));
  }

  private static Dataset<Row> customers(SparkSession spark) {
    return spark
        .range(97)
        .select(
            concat(lit("u"), col("id").cast("string")).as("user_id"),
            lit(null).cast("string").as("email_hash"),
            lit(null).cast("string").as("phone_hash"),
            when(col("id").mod(2).equalTo(0), lit("EU")).otherwise(lit("US")).as("region"),
            lit("DE").as("country"),
            lit(null).cast("date").as("signup_date"),
            lit(true).as("consent_personalisation"),
            lit(true).as("consent_marketing"),
            lit(true).as("consent_profiling"),
            lit(Timestamp.valueOf("2026-01-01 00:00:00")).as("updated_at"),
            lit(Date.valueOf("2026-01-01")).as("ingest_date"));
  }

  @TempDir static Path dir;

  private static int cxlake(Lake lake, String... args) {
    return HandBuiltNight.cxlake(lake, LABEL_DAYS, dir.resolve("serving.db"), args);
  }

  private static Dataset<Row> scoresOf(Lake lake, LocalDate day) {
    return lake.read(ScoreTable.RETURN_RISK).where(col("run_date").equalTo(lit(Date.valueOf(day))));
  }

  @Test
  void theFirstModelBecomesChampionAndAWorseOneIsBlocked(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    Dataset<Row> lines = lines(spark).cache();
    lake.append(Table.CUSTOMERS, customers(spark));
    lake.append(FeatureTable.ORDER_LINE_FEATURES, lines.drop("_returned"));
    lake.append(Table.RETURNS, returns(lines));
    long open =
        lines
            .where(col("order_date").geq(lit(Date.valueOf(D.plusDays(1).minusDays(LABEL_DAYS)))))
            .count();
    lines.unpersist();

    // No champion yet: the first model that beats the baseline becomes it, and scores (the two
    // halves of the nightly's step, run alone).
    assertThat(cxlake(lake, "train", "return-risk", "--run-date", D.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(cxlake(lake, "score", "return-risk", "--run-date", D.toString()))
        .isEqualTo(ExitCodes.OK);
    ModelRegistry registry = new ModelRegistry(lake);
    String first = ModelVersion.versionFor(M, D);
    ModelRegistry.Event champion = registry.champion(M).orElseThrow();
    assertThat(champion.version()).isEqualTo(first);
    assertThat(champion.metrics().get("auc_roc"))
        .isGreaterThan(champion.metrics().get("baseline_auc_roc"));
    assertThat(scoresOf(lake, D).count()).isEqualTo(open);
    assertThat(scoresOf(lake, D).select("model_version").distinct().collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly(first);
    assertThat(scoresOf(lake, D).where("item_id IS NULL").count()).isZero();

    assertThat(cxlake(lake, "publish", "--run-date", D.toString())).isEqualTo(ExitCodes.OK);
    Version served = SqliteServed.current(dir.resolve("serving.db"));

    // A planted champion better than anything this data allows: the next night's step trains a
    // model that loses to it, scores nothing, and the nightly stops there, publish included.
    String planted = "return_risk-planted";
    registry.record(
        new ModelVersion(M, planted, D, Map.of(), Map.of("auc_roc", 0.999), D, D, Map.of()),
        new ChampionGate.Decision(true, "planted champion"));
    LocalDate next = D.plusDays(1);
    HandBuiltNight.succeededBefore(lake, next, "return-risk");
    assertThat(cxlake(lake, "nightly", "--run-date", next.toString()))
        .isEqualTo(ExitCodes.GATE_BLOCKED);
    HandBuiltNight.assertBlockedAt(lake, next, "return-risk");
    Row step =
        lake.read(Table.RUNS)
            .where(
                col("step")
                    .equalTo("return-risk")
                    .and(col("run_date").equalTo(lit(Date.valueOf(next)))))
            .head();
    assertThat(step.<String>getAs("message"))
        .contains("not promoted: auc_roc", "below the champion's 0.9990");
    assertThat(scoresOf(lake, next).count()).as("a rejected model scores nothing").isZero();
    assertThat(registry.champion(M).orElseThrow().version()).isEqualTo(planted);
    assertThat(registry.events(M))
        .extracting(e -> e.version() + " " + e.event())
        .contains(ModelVersion.versionFor(M, next) + " rejected");
    assertThat(SqliteServed.current(dir.resolve("serving.db")))
        .as("the serving store keeps D's version")
        .isEqualTo(served);
  }
}
