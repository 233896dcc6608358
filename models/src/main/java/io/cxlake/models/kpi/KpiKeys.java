package io.cxlake.models.kpi;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The (date, region, channel) key every KPI is grouped by. */
final class KpiKeys {
  static final String UNKNOWN = "unknown";
  static final String[] KEY = {"date", "region", "channel"};

  private KpiKeys() {}

  static Column[] key() {
    return new Column[] {col("date"), col("region"), col("channel")};
  }

  /** dateCol between from and to, both inclusive (prunes date partitions). */
  static Column between(String dateCol, LocalDate from, LocalDate to) {
    return col(dateCol).between(lit(Date.valueOf(from)), lit(Date.valueOf(to)));
  }

  /**
   * The user's region from customers ('unknown' for a user the shop never exported), the row's
   * channel ('unknown' when missing) and its date from {@code dateCol}.
   */
  static Dataset<Row> keyed(Dataset<Row> rows, String dateCol, Dataset<Row> regions) {
    return rows.join(regions, rows.col("user_id").equalTo(regions.col("r_user_id")), "left")
        .drop("r_user_id")
        .withColumn("region", coalesce(col("r_region"), lit(UNKNOWN)))
        .drop("r_region")
        .withColumn("channel", coalesce(col("channel"), lit(UNKNOWN)))
        .withColumn("date", col(dateCol));
  }

  /**
   * An amount as an exact decimal of cents: summing doubles depends on the order Spark adds them
   * in, so a rerun could differ in the last bit; decimal sums do not.
   */
  static Column cents(Column amount) {
    return amount.cast("decimal(20,2)");
  }

  /** user_id → region, one row per user, with names that cannot clash with the facts'. */
  static Dataset<Row> regions(Dataset<Row> customers) {
    return customers.select(col("user_id").as("r_user_id"), col("region").as("r_region"));
  }
}
