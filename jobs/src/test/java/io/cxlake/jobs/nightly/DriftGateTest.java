package io.cxlake.jobs.nightly;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.features.FeatureTable;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.serving.SqliteServed;
import io.cxlake.jobs.serving.Version;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import io.cxlake.models.score.ScoreTable;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift gate on a lake of made-up order lines: the lines the model scores look like those it
 * was trained on, and the gate passes; a planted shift in discount depth stops the nightly before
 * publish with exit 3 naming the feature, the store keeps serving the night before, and the metrics
 * of every feature are kept.
 */
@ExtendWith(SparkExtension.class)
class DriftGateTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 23);
  private static final int LABEL_DAYS = 10;

  /** n order lines ordered from {@code first} over 8 days, discount in [low, low + 0.3). */
  private static Dataset<Row> lines(
      SparkSession spark, String prefix, LocalDate first, double low, long seed) {
    Column day = floor(rand(seed).multiply(8)).cast("int");
    Column date = date_add(lit(Date.valueOf(first)), day);
    Dataset<Row> r =
        spark
            .range(600)
            .select(
                concat(lit(prefix), col("id").cast("string")).as("order_id"),
                lit(1).as("line_no"),
                concat(lit("u"), (col("id").mod(97)).cast("string")).as("user_id"),
                lit("i1").as("item_id"),
                date.cast("timestamp").as("ordered_at"),
                floor(rand(seed + 1).multiply(3)).plus(1).cast("int").as("quantity"),
                rand(seed + 2).multiply(80).plus(10).as("unit_price"),
                lit(100.0).as("list_price"),
                rand(seed + 3).multiply(0.3).plus(low).as("discount_depth"),
                element_at(
                        array(lit("shoes"), lit("bags"), lit("toys")),
                        floor(rand(seed + 4).multiply(3)).cast("int").plus(1))
                    .as("category"),
                rand(seed + 5).lt(0.4).as("size_sensitive"),
                lit(1).as("variants_in_order"),
                lit(2).as("basket_lines"),
                lit(3).as("basket_units"),
                lit("web").as("channel"),
                lit("mobile").as("device"),
                date.as("order_date"));
    return r;
  }

  private static Dataset<Row> scores(SparkSession spark, LocalDate day, long seed) {
    return spark
        .range(600)
        .select(
            concat(lit("s"), col("id").cast("string")).as("order_id"),
            lit(1).as("line_no"),
            lit("i1").as("item_id"),
            rand(seed).multiply(0.5).as("probability"),
            lit("low").as("band"),
            array(lit("r")).as("reasons"),
            lit("return_risk-" + day.minusDays(1)).as("model_version"),
            lit(Date.valueOf(day)).as("run_date"));
  }

  @TempDir static Path dir;

  private static int drift(Lake lake) {
    return cxlake(lake, "drift", "--run-date", D.toString());
  }

  private static int cxlake(Lake lake, String... args) {
    return HandBuiltNight.cxlake(lake, LABEL_DAYS, dir.resolve("serving.db"), args);
  }

  /** The 97 customers of the lines, each consenting to profiling (return risk trains on them). */
  private static Dataset<Row> customers(SparkSession spark) {
    return spark
        .range(97)
        .select(
            concat(lit("u"), col("id").cast("string")).as("user_id"),
            lit(null).cast("string").as("email_hash"),
            lit(null).cast("string").as("phone_hash"),
            lit("EU").as("region"),
            lit("DE").as("country"),
            lit(null).cast("date").as("signup_date"),
            lit(true).as("consent_personalisation"),
            lit(true).as("consent_marketing"),
            lit(true).as("consent_profiling"),
            lit(java.sql.Timestamp.valueOf("2026-01-01 00:00:00")).as("updated_at"),
            lit(Date.valueOf("2026-01-01")).as("ingest_date"));
  }

  private static Lake lake(SparkSession spark, double currentDiscount) {
    Lake lake = TempLake.create(spark);
    lake.append(Table.CUSTOMERS, customers(spark));
    LocalDate cut = D.plusDays(1).minusDays(LABEL_DAYS); // trained before it, scored from it on
    lake.append(FeatureTable.ORDER_LINE_FEATURES, lines(spark, "t", cut.minusDays(9), 0.0, 1));
    lake.append(FeatureTable.ORDER_LINE_FEATURES, lines(spark, "o", cut, currentDiscount, 11));
    lake.append(ScoreTable.RETURN_RISK, scores(spark, D.minusDays(1), 21));
    lake.append(ScoreTable.RETURN_RISK, scores(spark, D, 22));
    return lake;
  }

  @Test
  void linesLikeTheTrainingOnesPassAndAPlantedShiftInDiscountBlocks(SparkSession spark) {
    Lake calm = lake(spark, 0.0);
    assertThat(drift(calm)).isEqualTo(ExitCodes.OK);
    List<Row> metrics = calm.read(GovernanceTable.DRIFT_METRICS).collectAsList();
    assertThat(metrics)
        .extracting(r -> r.<String>getAs("feature"))
        .contains("discount_depth", "unit_price", "category", "score");
    assertThat(metrics).extracting(r -> r.<String>getAs("status")).doesNotContain("block");

    // The shifted night through the nightly: the gate blocks before publish, and the store keeps
    // serving the night before.
    Lake shifted = lake(spark, 0.25);
    assertThat(cxlake(shifted, "publish", "--run-date", D.minusDays(1).toString()))
        .isEqualTo(ExitCodes.OK);
    Version served = SqliteServed.current(dir.resolve("serving.db"));
    HandBuiltNight.succeededBefore(shifted, D, "drift-gate");
    assertThat(cxlake(shifted, "nightly", "--run-date", D.toString()))
        .isEqualTo(ExitCodes.GATE_BLOCKED);
    HandBuiltNight.assertBlockedAt(shifted, D, "drift-gate");
    assertThat(SqliteServed.current(dir.resolve("serving.db"))).isEqualTo(served);
    Row ledger = shifted.read(Table.RUNS).where("step = 'drift-gate'").head();
    assertThat(ledger.<String>getAs("message"))
        .contains("return_risk discount_depth PSI")
        .contains("gates.psi-block 0.25")
        .doesNotContain("unit_price");
    Row discount =
        shifted.read(GovernanceTable.DRIFT_METRICS).where("feature = 'discount_depth'").head();
    assertThat(discount.<String>getAs("status")).isEqualTo("block");
    assertThat(discount.<Double>getAs("psi")).isGreaterThan(0.25);
    assertThat(discount.<Long>getAs("reference_rows")).isEqualTo(600);
    assertThat(discount.<Long>getAs("current_rows")).isEqualTo(600);
  }

  @Test
  void aDayWithoutScoresHasNothingToGate(SparkSession spark) {
    Lake empty = TempLake.create(spark);
    assertThat(drift(empty)).isEqualTo(ExitCodes.OK);
    assertThat(empty.read(GovernanceTable.DRIFT_METRICS).count()).isZero();
  }
}
